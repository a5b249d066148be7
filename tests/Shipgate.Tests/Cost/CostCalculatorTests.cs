using Shipgate.Cost;
using Shipgate.Specs;

namespace Shipgate.Tests.Cost;

public sealed class CostCalculatorTests
{
    private static readonly ModelPrice Full = new()
    {
        Model = "m",
        InputPerToken = 0.000003m,          // $3 / 1M
        OutputPerToken = 0.000015m,         // $15 / 1M
        CachedInputPerToken = 0.0000003m,   // $0.30 / 1M
        CacheWritePerToken = 0.00000375m,   // $3.75 / 1M
        ReasoningOutputPerToken = 0.00002m, // $20 / 1M
    };

    [Fact]
    public void Cost_PlainTokens_IsInputTimesPricePlusOutputTimesPrice()
    {
        // 1000 × 0.000003 + 500 × 0.000015 = 0.003 + 0.0075
        Assert.Equal(0.0105m, CostCalculator.Cost(Full, new TokenUsage(1000, 500)));
    }

    [Fact]
    public void Cost_AllBuckets_ChargesEachTokenOnceInItsOwnBucket()
    {
        // input 1000 = 600 cached + 100 cache-write + 300 plain; output 500 = 200 reasoning + 300 plain
        // 300×0.000003 + 600×0.0000003 + 100×0.00000375 + 300×0.000015 + 200×0.00002
        // = 0.0009 + 0.00018 + 0.000375 + 0.0045 + 0.004 = 0.009955
        var usage = new TokenUsage(Input: 1000, Output: 500, CachedInput: 600, CacheWrite: 100, ReasoningOutput: 200);
        Assert.Equal(0.009955m, CostCalculator.Cost(Full, usage));
    }

    [Fact]
    public void Cost_NoCachedOrReasoningPrice_FallsBackToInputAndOutputPrices()
    {
        var plain = new ModelPrice { Model = "p", InputPerToken = 0.0000025m, OutputPerToken = 0.00001m };
        // 1000 input (400 cached at the input price) + 100 output (50 reasoning at the output price)
        // = 1000 × 0.0000025 + 100 × 0.00001 = 0.0025 + 0.001
        Assert.Equal(0.0035m, CostCalculator.Cost(plain, new TokenUsage(1000, 100, CachedInput: 400, ReasoningOutput: 50)));
    }

    [Fact]
    public void Cost_CachedMoreThanInput_NeverGoesNegative()
    {
        Assert.Equal(100 * 0.0000003m, CostCalculator.Cost(Full, new TokenUsage(100, 0, CachedInput: 250)));
    }

    [Fact]
    public void FromDeclared_PerMillionPricing_MatchesPricingCost()
    {
        var pricing = new Pricing(0.15m, 0.60m, 0.075m);
        var price = CostCalculator.FromDeclared("openai:gpt-4o-mini", pricing);

        Assert.Equal(0.00000015m, price.InputPerToken);
        Assert.Equal(pricing.Cost(1200, 300, 200), CostCalculator.Cost(price, new TokenUsage(1200, 300, CachedInput: 200)));
    }
}
