using System.Text.Json;
using Shipgate.Embeddings;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Testing;
using Shipgate.Tests.Evals.Assertions;

namespace Shipgate.Tests.Judging;

public sealed class GroundedAssertionTests : IAsyncLifetime
{
    private const string Knowledge = "# Refunds\n\nPlus can be refunded within 14 days of the first payment.\n\n# Exports\n\nExports are available as CSV files from the Reports page.\n";

    private StubModelServer _server = null!;
    private readonly string _root = Directory.CreateTempSubdirectory("shipgate-grounded-").FullName;

    public async Task InitializeAsync() => _server = await StubModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private FeatureSpec Feature(IReadOnlyList<JudgeSpec>? judges = null)
    {
        var file = Path.Combine(_root, "help.md");
        File.WriteAllText(file, Knowledge);
        return JudgeTestKit.Feature(_root, judges ?? []) with { KnowledgeFiles = [file] };
    }

    private static AssertionContext Context(FeatureSpec feature, string output, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embeddings = null) => new()
    {
        Case = JudgeTestKit.Case() with { Context = ["The Pro plan costs $12 a month."] },
        Output = output,
        Feature = feature,
        Embeddings = () => embeddings ?? new HashingEmbeddingGenerator(),
    };

    private AssertionFactory Factory() => new(new JudgeFactory(new ProviderFactory(JudgeTestKit.Env)));

    [Fact]
    public async Task EvaluateAsync_OfflineEverySentenceInKnowledgeOrContext_PassesLabelledApproximate()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(Context(Feature(), "Plus can be refunded within 14 days of the first payment. The Pro plan costs $12 a month."), CancellationToken.None);

        Assert.True(outcome.Pass);
        Assert.Equal(1.0, outcome.Score);
        Assert.False(GroundedAssertion.IsHallucination(outcome));
        Assert.True(GroundedAssertion.IsChecked(outcome));
        Assert.True(outcome.Judge!.ReferenceBased);
        Assert.Equal(JudgeSpec.LocalReference, outcome.Judge.JudgeId);
        Assert.Equal([5, 5], outcome.Judge.Criteria.Select(c => c.Score!.Value));
        Assert.StartsWith("claim 1: Plus can be refunded", outcome.Judge.Criteria[0].Criterion, StringComparison.Ordinal);
        Assert.StartsWith(GroundedAssertion.ApproximatePrefix, outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_OfflineInventedSentence_NotFoundIsAHallucination()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(Context(Feature(), "Exports are available as CSV files from the Reports page. Our office dog is called Biscuit and loves walks."), CancellationToken.None);

        Assert.False(outcome.Pass);
        Assert.False(outcome.Inconclusive);
        Assert.True(GroundedAssertion.IsHallucination(outcome));
        Assert.Equal(0.5, outcome.Score);
        var invented = outcome.Judge!.Criteria[1];
        Assert.Equal(GroundedAssertion.NotFoundScore, invented.Score);
        Assert.StartsWith("not found", invented.Reason, StringComparison.Ordinal);
        Assert.Contains("not found \"Our office dog", outcome.Reason, StringComparison.Ordinal);

        // The offline judge cannot tell a contradiction: it never says contradicted.
        Assert.DoesNotContain(outcome.Judge.Criteria, c => c.Score == GroundedAssertion.ContradictedScore);
    }

    [Fact]
    public async Task EvaluateAsync_MaxUnsupportedOne_ToleratesOneUnsupportedClaim()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded, Max = 1 });

        var outcome = await assertion.EvaluateAsync(Context(Feature(), "Exports are available as CSV files from the Reports page. Our office dog is called Biscuit and loves walks."), CancellationToken.None);

        Assert.True(outcome.Pass);
        Assert.Equal(0.5, outcome.Score);
        Assert.Contains("within max_unsupported 1", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ModelJudgeContradiction_FailsWithClaimScoredOne()
    {
        _server.Responder = _ => JsonSerializer.Serialize(new
        {
            claims = new[]
            {
                new { claim = "Plus can be refunded within 14 days", verdict = "supported", evidence = "Plus can be refunded within 14 days" },
                new { claim = "Refunds take 30 days", verdict = "contradicted", evidence = "within 14 days" },
            },
        });
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(Context(Feature([JudgeTestKit.Judge(_server.BaseUrl)]), "Refunds: 14 days; they take 30 days."), CancellationToken.None);

        Assert.False(outcome.Pass);
        Assert.True(GroundedAssertion.IsHallucination(outcome));
        Assert.False(outcome.Judge!.ReferenceBased);
        Assert.Equal([GroundedAssertion.SupportedScore, GroundedAssertion.ContradictedScore], outcome.Judge.Criteria.Select(c => c.Score!.Value));
        Assert.Equal("contradicted: within 14 days", outcome.Judge.Criteria[1].Reason);
        Assert.Contains("contradicted \"Refunds take 30 days\"", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ModelJudgeUnusable_InconclusiveNotAHallucination()
    {
        _server.Responder = _ => "no idea";
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(Context(Feature([JudgeTestKit.Judge(_server.BaseUrl)]), "Refunds take 30 days."), CancellationToken.None);

        Assert.False(outcome.Pass);
        Assert.True(outcome.Inconclusive);
        Assert.False(GroundedAssertion.IsHallucination(outcome));
        Assert.False(GroundedAssertion.IsChecked(outcome));
        Assert.Contains("--- attempt 2 ---\nno idea", outcome.Judge!.Raw, StringComparison.Ordinal);
        Assert.Contains("never counted as a pass", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_RealMiniLm_KnowledgeParaphraseSupportedInventionNotFound()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(
            Context(Feature(), "You can get a refund for Plus within 14 days of your first payment. The moon landing happened in a film studio in Nevada.", generator),
            CancellationToken.None);

        Assert.Equal([GroundedAssertion.SupportedScore, GroundedAssertion.NotFoundScore], outcome.Judge!.Criteria.Select(c => c.Score!.Value));
        Assert.True(GroundedAssertion.IsHallucination(outcome));
    }

    [Fact]
    public async Task EvaluateAsync_NoCheckableClaims_PassesButIsNotACleanCheck()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded });

        var outcome = await assertion.EvaluateAsync(Context(Feature(), "Thanks!"), CancellationToken.None);

        Assert.True(outcome.Pass);
        Assert.False(GroundedAssertion.IsChecked(outcome));
        Assert.False(GroundedAssertion.IsHallucination(outcome));
        Assert.Null(outcome.Judge!.Mean);
        Assert.Contains("not counted in the hallucination rate", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_SourcesVarDocument_GroundsOnTheVarAndNotOnKnowledge()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded, Sources = ["vars.document"] });
        var evalCase = JudgeTestKit.Case() with
        {
            Context = [],
            Vars = new Dictionary<string, string> { ["document"] = "Invoice 17 from Acme Ltd is due on 3 March.", ["question"] = "Summarise" },
        };
        AssertionContext For(string output) => new() { Case = evalCase, Output = output, Feature = Feature(), Embeddings = () => new HashingEmbeddingGenerator() };

        var fromVar = await assertion.EvaluateAsync(For("Invoice 17 from Acme Ltd is due on 3 March."), CancellationToken.None);
        var fromKnowledge = await assertion.EvaluateAsync(For("Plus can be refunded within 14 days of the first payment."), CancellationToken.None);

        Assert.True(fromVar.Pass, fromVar.Reason);
        Assert.True(GroundedAssertion.IsChecked(fromVar));
        Assert.False(fromKnowledge.Pass, fromKnowledge.Reason);
    }

    [Fact]
    public async Task EvaluateAsync_SourcesVarMissingAndNoOtherSource_Inconclusive()
    {
        var assertion = Factory().Create(new AssertionSpec { Type = AssertionTypes.Grounded, Sources = ["vars.document"] });

        var outcome = await assertion.EvaluateAsync(Context(Feature(), "Plus can be refunded within 14 days of the first payment."), CancellationToken.None);

        Assert.True(outcome.Inconclusive);
        Assert.Contains("nothing to check against", outcome.Reason, StringComparison.Ordinal);
    }
}
