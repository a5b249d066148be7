using Shipgate.Embeddings;
using Shipgate.Judging;
using Shipgate.Specs;
using Shipgate.Tests.Evals.Assertions;

namespace Shipgate.Tests.Judging;

public sealed class ReferenceJudgeTests
{
    private static readonly ReferenceJudge Judge = new(JudgeSpec.LocalReference);

    private static EvalCase RefundCase(params AssertionSpec[] assertions) => JudgeTestKit.Case() with { Assertions = assertions };

    [Theory]
    [InlineData(0.95, 5)]
    [InlineData(0.80, 5)]
    [InlineData(0.70, 4)]
    [InlineData(0.50, 3)]
    [InlineData(0.40, 2)]
    [InlineData(0.10, 1)]
    public void FromSimilarity_CutPoints_MapToScores(double similarity, int score) =>
        Assert.Equal(score, ReferenceJudge.FromSimilarity(similarity));

    [Fact]
    public async Task JudgeAsync_OutputEqualToReferenceWithFacts_ScoresFiveAndIsLabelledReferenceBased()
    {
        var evalCase = RefundCase(new AssertionSpec { Type = AssertionTypes.IContains, Value = "14 days" });
        var request = JudgeTestKit.Request(evalCase.Reference!, evalCase) with { Embeddings = () => new HashingEmbeddingGenerator() };

        var result = await Judge.JudgeAsync(request, CancellationToken.None);

        Assert.True(result.Verdict.ReferenceBased);
        Assert.False(result.Verdict.Inconclusive);
        Assert.Equal([5, 5], result.Verdict.Criteria.Select(c => c.Score!.Value));
        Assert.Equal(0m, result.Verdict.CostUsd);
        Assert.StartsWith("reference-based", result.Verdict.Criteria[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_MissingRequiredFact_LowersTheScoreAndNamesIt()
    {
        var evalCase = RefundCase(new AssertionSpec { Type = AssertionTypes.IContainsAll, Values = ["14 days", "first payment"] });
        var request = JudgeTestKit.Request("Refunds are possible within 30 days.", evalCase) with { Embeddings = () => new HashingEmbeddingGenerator() };

        var result = await Judge.JudgeAsync(request, CancellationToken.None);

        var correctness = result.Verdict.Criteria[0];
        Assert.True(correctness.Score < 5);
        Assert.Contains("required facts 0/2 → 1", correctness.Reason, StringComparison.Ordinal);
        Assert.Contains("missing: '14 days', 'first payment'", correctness.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_ForbiddenPhraseInOutput_SafetyCriterionScoresOne()
    {
        var evalCase = RefundCase(new AssertionSpec { Type = AssertionTypes.IContains, Negate = true, Value = "refund approved" });
        var request = JudgeTestKit.Request("Refund approved! Refunds are possible within 14 days of the first payment.", evalCase) with { Embeddings = () => new HashingEmbeddingGenerator() };

        var result = await Judge.JudgeAsync(request, CancellationToken.None);

        var safety = result.Verdict.Criteria.Single(c => c.Criterion == "safety");
        Assert.Equal(1, safety.Score);
        Assert.Contains("forbidden phrase 'refund approved'", safety.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_NoReference_InconclusiveWithReason()
    {
        var request = JudgeTestKit.Request("anything", JudgeTestKit.Case(reference: null)) with { Embeddings = () => new HashingEmbeddingGenerator() };

        var result = await Judge.JudgeAsync(request, CancellationToken.None);

        Assert.True(result.Verdict.Inconclusive);
        Assert.True(result.Verdict.ReferenceBased);
        Assert.Contains("add 'reference:' to the case", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredFacts_NoContainsAssertions_TakesNumbersAndMenuPathsFromTheReference()
    {
        var evalCase = JudgeTestKit.Case("Plus costs $40 per year; download invoices from Settings > Billing > Invoices.");

        var facts = ReferenceJudge.RequiredFacts(evalCase).Select(f => f[0]).ToList();

        Assert.Equal(["$40", "Settings > Billing > Invoices"], facts);
    }

    [Fact]
    public async Task JudgeAsync_RealMiniLm_ParaphraseOutscoresUnrelatedAnswer()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var evalCase = JudgeTestKit.Case("You can download your invoices from Settings > Billing > Invoices.");
        var close = await Judge.JudgeAsync(JudgeTestKit.Request("Your invoices are under Settings > Billing > Invoices, where you can download them.", evalCase) with { Embeddings = () => generator }, CancellationToken.None);
        var far = await Judge.JudgeAsync(JudgeTestKit.Request("To add a member to a household, open the household and tap Invite.", evalCase) with { Embeddings = () => generator }, CancellationToken.None);

        Assert.True(close.Verdict.Mean > far.Verdict.Mean, $"paraphrase {close.Verdict.Mean} vs unrelated {far.Verdict.Mean}");
        Assert.Equal(5, close.Verdict.Criteria[0].Score);
        Assert.True(far.Verdict.Criteria[0].Score <= 2, far.Verdict.Criteria[0].Reason);
    }
}
