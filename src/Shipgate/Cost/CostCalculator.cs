using Shipgate.Specs;

namespace Shipgate.Cost;

/// <summary>USD of a request from its tokens and a price; each token is charged once, in its own bucket.</summary>
public static class CostCalculator
{
    public static decimal Cost(ModelPrice price, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(usage);
        var cached = Math.Min(usage.CachedInput, usage.Input);
        var written = Math.Min(usage.CacheWrite, usage.Input - cached);
        var plainInput = usage.Input - cached - written;
        var reasoning = Math.Min(usage.ReasoningOutput, usage.Output);
        var plainOutput = usage.Output - reasoning;
        return (plainInput * price.InputPerToken)
            + (cached * (price.CachedInputPerToken ?? price.InputPerToken))
            + (written * (price.CacheWritePerToken ?? price.InputPerToken))
            + (plainOutput * price.OutputPerToken)
            + (reasoning * (price.ReasoningOutputPerToken ?? price.OutputPerToken));
    }

    /// <summary>A candidate's declared <c>pricing:</c> (USD per million tokens) as a per-token price.</summary>
    public static ModelPrice FromDeclared(string model, Pricing pricing)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        return new ModelPrice
        {
            Model = model,
            InputPerToken = pricing.InputPerMillion / 1_000_000m,
            OutputPerToken = pricing.OutputPerMillion / 1_000_000m,
            CachedInputPerToken = pricing.CachedInputPerMillion / 1_000_000m,
        };
    }
}
