using static Shipgate.Tests.Evals.Assertions.AssertionTestKit;

namespace Shipgate.Tests.Evals.Assertions;

/// <summary>length, latency, cost, similar: bounds, graded scores, unknowns.</summary>
public sealed class MeasuredAssertionTests
{
    [Fact]
    public async Task Length_OverMax_FailsWithGradedScore()
    {
        var outcome = await EvalAsync(Spec("length", max: 500), new string('a', 812));
        Assert.False(outcome.Pass);
        Assert.Equal("length 812 > max 500", outcome.Reason);
        Assert.Equal(500.0 / 812, outcome.Score, 6);
    }

    [Fact]
    public async Task Length_UnderMin_FailsWithGradedScore()
    {
        var outcome = await EvalAsync(Spec("length", min: 50, max: 500), new string('a', 10));
        Assert.False(outcome.Pass);
        Assert.Equal("length 10 < min 50", outcome.Reason);
        Assert.Equal(0.2, outcome.Score, 6);
    }

    [Fact]
    public async Task Length_Within_Passes()
    {
        var outcome = await EvalAsync(Spec("length", min: 5, max: 500), "hello world");
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score);
        Assert.Equal("length 11 within [5, 500]", outcome.Reason);
    }

    [Fact]
    public async Task NotLength_Within_FailsAndSaysNegated()
    {
        var outcome = await EvalAsync(Spec("not-length", max: 500), "short");
        Assert.False(outcome.Pass);
        Assert.Equal(0, outcome.Score);
        Assert.Contains("negated by not-length", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_OverMax_Fails()
    {
        var outcome = await EvalAsync(Spec("latency", max: 3000), "ok", latencyMs: 3120.4);
        Assert.False(outcome.Pass);
        Assert.Equal("latency 3120 ms > max 3000 ms", outcome.Reason);
        Assert.Equal(3000 / 3120.4, outcome.Score, 6);
    }

    [Fact]
    public async Task Latency_UnderMax_Passes()
    {
        var outcome = await EvalAsync(Spec("latency", max: 3000), "ok", latencyMs: 812);
        Assert.True(outcome.Pass);
        Assert.Contains("812 ms", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_OverMax_FailsWithMoney()
    {
        var outcome = await EvalAsync(Spec("cost", max: 0.01), "ok", cost: 0.0123m);
        Assert.False(outcome.Pass);
        Assert.Equal("cost $0.0123 > max $0.0100", outcome.Reason);
        Assert.Equal(0.01 / 0.0123, outcome.Score, 6);
    }

    [Fact]
    public async Task Cost_TinyUnderMax_PassesShowingSignificantDigits()
    {
        var outcome = await EvalAsync(Spec("cost", max: 0.01), "ok", cost: 0.000042m);
        Assert.True(outcome.Pass);
        Assert.Contains("$0.000042", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_Unknown_FailsInBothForms()
    {
        var outcome = await EvalAsync(Spec("cost", max: 0.01), "ok", cost: null);
        var negated = await EvalAsync(Spec("not-cost", max: 0.01), "ok", cost: null);
        Assert.False(outcome.Pass);
        Assert.Equal("cost unknown: candidate has no pricing; declare pricing: in the spec", outcome.Reason);
        Assert.False(negated.Pass);
        Assert.Equal(0, negated.Score);
    }

    [Fact]
    public async Task Similar_SameWords_PassesWithScoreOne()
    {
        var outcome = await EvalAsync(Spec("similar"), "Refunds within 30 days", reference: "refunds within 30 days.");
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score, 6);
        Assert.Contains("to reference", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_UnrelatedAnswer_FailsBelowDefaultThreshold()
    {
        var outcome = await EvalAsync(Spec("similar"), "Our office is in Berlin", reference: "Refunds within 30 days");
        Assert.False(outcome.Pass);
        Assert.Matches(@"^similarity 0\.\d\d < threshold 0\.75 to reference$", outcome.Reason);
        Assert.InRange(outcome.Score, 0, 0.75);
    }

    [Fact]
    public async Task Similar_ValueOverridesReference_AndThresholdApplies()
    {
        // 2 shared words of 4 and 3: cosine = 2 / sqrt(12) ≈ 0.58
        var spec = Spec("similar", value: "refunds within thirty", threshold: 0.5);
        var outcome = await EvalAsync(spec, "refunds within 30 days", reference: "unrelated words only");
        Assert.True(outcome.Pass, outcome.Reason);
        Assert.Equal(2 / Math.Sqrt(12), outcome.Score, 3);
        Assert.Contains("threshold 0.50 to value", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_NoReference_FailsTellingWhatToAdd()
    {
        var generator = new HashingEmbeddingGenerator();
        var outcome = await EvalAsync(Spec("similar"), "anything", reference: null, embeddings: generator);
        Assert.False(outcome.Pass);
        Assert.Equal("no reference answer for similar: add `reference:` to the case or `value:` to the assertion", outcome.Reason);
        Assert.Equal(0, generator.Calls);
    }

    [Fact]
    public async Task NotSimilar_Unrelated_PassesWithInvertedScore()
    {
        var outcome = await EvalAsync(Spec("not-similar"), "Our office is in Berlin", reference: "Refunds within 30 days");
        Assert.True(outcome.Pass);
        Assert.InRange(outcome.Score, 0.25, 1);
        Assert.Contains("as not-similar requires", outcome.Reason, StringComparison.Ordinal);
    }
}
