using Shipgate.Selection;
using Shipgate.Specs;
using static Shipgate.Tests.Selection.SelectionSamples;

namespace Shipgate.Tests.Selection;

public sealed class RouterFitterTests
{
    private static readonly SelectionRequirement Quality = new() { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore };

    /// <summary>20 cases: on every 'hard' one the cheap candidate fails (score 0.2), elsewhere it passes; the strong one always passes.</summary>
    private static (FeatureSpec Spec, Shipgate.Evals.EvalReport Report) Dataset(Func<int, bool> cheapFails, Func<int, string[]> tags, Func<int, string> prompt, Func<int, string>? question = null, IReadOnlyList<string>? requestTags = null)
    {
        var ids = Enumerable.Range(0, 20).ToList();
        var cases = ids.Select(i => new EvalCase { Id = $"c{i:00}", Vars = new Dictionary<string, string> { ["question"] = question?.Invoke(i) ?? $"question {i}" } }).ToList();
        var selection = Declare(Quality) with { Routing = new RoutingSettings { RequestTags = requestTags ?? [] } };
        var spec = Spec([Candidate("cheap", "openai"), Candidate("strong", "openai")], selection, cases);
        var report = Report(
            new Sample("cheap", 100, 0.001m, [.. ids.Select(i => new Outcome($"c{i:00}", !cheapFails(i), cheapFails(i) ? 0.2 : 1.0, 0.001m, tags(i), prompt(i)))]),
            new Sample("strong", 100, 0.01m, [.. ids.Select(i => new Outcome($"c{i:00}", true, 1.0, 0.01m, tags(i), prompt(i)))]));
        return (spec, report);
    }

    [Fact]
    public async Task Analyze_UndeclaredSuiteTagExplainsFailures_IsNotARule()
    {
        // Only the tag separates the failures, but production requests are not declared to carry it.
        var (spec, report) = Dataset(i => i % 4 == 0, i => i % 4 == 0 ? ["hard"] : ["easy"], i => $"Q: question {i}");

        var policy = (await AnalyzeAsync(spec, report)).RouterDetail.Policy!;

        Assert.DoesNotContain(policy.Rules, r => r.Match == "tags");
        Assert.DoesNotContain(policy.Needs, n => n.Contains("tags", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_OnlyUndeclaredTagOfTwo_RuleUsesTheDeclaredOne()
    {
        // Both tags mark the same failing cases; only 'hard' is declared request metadata.
        var (spec, report) = Dataset(i => i % 4 == 0, i => i % 4 == 0 ? ["hard", "suite-only"] : ["easy"], i => $"Q: question {i}", requestTags: ["hard"]);

        var rule = (await AnalyzeAsync(spec, report)).RouterDetail.Policy!.Rules[0];

        Assert.Equal("tags", rule.Match);
        Assert.Equal(["hard"], rule.Tags);
    }

    [Fact]
    public async Task Analyze_TagExplainsFailures_RoutesTagToStrongAndMeasuresHeldOut()
    {
        var (spec, report) = Dataset(i => i % 4 == 0, i => i % 4 == 0 ? ["hard"] : ["easy"], i => $"Q: question {i}", requestTags: ["hard"]);

        var router = (await AnalyzeAsync(spec, report)).RouterDetail;

        var policy = router.Policy!;
        Assert.Equal(("cheap", "strong"), (policy.CheapCandidate, policy.StrongCandidate));
        var tagRule = policy.Rules[0];
        Assert.Equal("tags", tagRule.Match);
        Assert.Equal(["hard"], tagRule.Tags);
        Assert.Equal("strong", tagRule.Route);
        Assert.Equal("default", policy.Rules[^1].Match);
        Assert.Equal("cheap", policy.Rules[^1].Route);

        var e = router.Evaluation!;
        Assert.Equal(6, e.HeldOutCases);
        Assert.Equal(14, router.FittedCases);

        // Every failure goes to the strong candidate, so nothing is lost; each cheap request costs 10% of a strong one.
        Assert.Equal(1.0, e.QualityRetainedShare, 9);
        Assert.Equal(0.9m * (decimal)e.CheapShare, e.CostSavedShare!.Value, 6);
        Assert.True(e.CheapShare > 0.5);
        Assert.Equal(SelectionSamples.RunId, e.RunId);
        Assert.Contains("cheaper", router.Statement, StringComparison.Ordinal);
        Assert.Equal(["the request's tags: hard"], policy.Needs);
        Assert.Contains("the runtime needs the request's tags: hard", router.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_LengthExplainsFailuresAsWellAsATag_PrefersTheLengthRule()
    {
        // The cheap candidate fails exactly the long inputs, which also carry the tag 'long': both rules fit perfectly.
        var (spec, report) = Dataset(i => i >= 14, i => i >= 14 ? ["long"] : ["short"], i => i >= 14 ? "Q: " + new string('x', 800) : "Q: short question", requestTags: ["long", "short"]);

        var policy = (await AnalyzeAsync(spec, report)).RouterDetail.Policy!;

        Assert.DoesNotContain(policy.Rules, r => r.Match == "tags");
        Assert.Single(policy.Rules, r => r.Match == "input_tokens_above");
        Assert.Equal(["the request's input tokens (o200k_base tokens of the rendered prompt (counted offline))"], policy.Needs);
        Assert.Contains("\"needs\"", SelectionJson.Render(policy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_LongInputsFail_LearnsAnInputTokenThreshold()
    {
        var (spec, report) = Dataset(i => i >= 14, _ => [], i => i >= 14 ? "Q: " + new string('x', 800) : "Q: short question");

        var policy = (await AnalyzeAsync(spec, report)).RouterDetail.Policy!;

        var rule = Assert.Single(policy.Rules, r => r.Match == "input_tokens_above");
        Assert.InRange(rule.InputTokens!.Value, 4, 200);
        Assert.Equal("strong", rule.Route);
        Assert.Equal("strong", policy.Route([], 300, null));
        Assert.Equal("cheap", policy.Route([], 4, null));
    }

    [Fact]
    public async Task AnalyzeAsync_FailuresShareATopic_LearnsTheFailureNeighbourhood()
    {
        var (spec, report) = Dataset(i => i % 3 == 0, _ => [], i => $"Q: {i}", i => i % 3 == 0 ? $"refund question {i}" : $"sync question {i}");

        var analysis = await SelectionAnalyzer.AnalyzeAsync(spec, report, null, new KeywordEmbeddingGenerator("refund", "sync"), CancellationToken.None);

        var policy = analysis.RouterDetail.Policy!;
        var rule = Assert.Single(policy.Rules, r => r.Match == "similar_to_failure");
        Assert.All(rule.Examples!, text => Assert.Contains("refund", text, StringComparison.Ordinal));
        Assert.Equal(1.0, analysis.Router!.QualityRetainedShare, 9);
        Assert.Equal("all-MiniLM-L6-v2", policy.EmbeddingModel);
    }

    [Fact]
    public async Task Analyze_SameSeed_GivesTheSamePolicyAndMeasurement()
    {
        var (spec, report) = Dataset(i => i % 4 == 0, i => i % 4 == 0 ? ["hard"] : ["easy"], i => $"Q: {i}", requestTags: ["hard"]);

        var first = await AnalyzeAsync(spec, report);
        var second = await AnalyzeAsync(spec, report);

        Assert.Equal(SelectionJson.Render(first.RouterDetail.Policy!), SelectionJson.Render(second.RouterDetail.Policy!));
        Assert.Equal(first.Router, second.Router);
    }

    [Fact]
    public void Shuffle_DependsOnlyOnTheSeed()
    {
        var cases = Enumerable.Range(0, 10).Select(i => new RouterCase { CaseId = $"c{i}", Text = "" }).ToList();

        var a = RouterFitter.Shuffle(cases, 7).Select(c => c.CaseId).ToList();
        var b = RouterFitter.Shuffle(cases, 7).Select(c => c.CaseId).ToList();
        var c = RouterFitter.Shuffle(cases, 8).Select(c => c.CaseId).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(cases.Select(x => x.CaseId).Order(), a.Order());
    }

    [Fact]
    public async Task Analyze_StrongIsAlsoCheapest_NoRouterAndSaysWhy()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9, 0.001m)), new Sample("b", 100, 0.002m, Uniform(10, 0.8, 0.002m)));

        var router = (await AnalyzeAsync(spec, report)).RouterDetail;

        Assert.Null(router.Policy);
        Assert.Null(router.Evaluation);
        Assert.Contains("nothing to save", router.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void RouterPolicy_Route_FirstMatchingRuleWins()
    {
        var policy = new RouterPolicy
        {
            Feature = "f",
            RunId = "r",
            CheapCandidate = "cheap",
            StrongCandidate = "strong",
            Rules =
            [
                new RouterRule { Match = "tags", Tags = ["legal"], Route = "strong" },
                new RouterRule { Match = "input_tokens_above", InputTokens = 500, Route = "strong" },
                new RouterRule { Match = "similar_to_failure", Threshold = 0.8, Route = "strong" },
                new RouterRule { Match = "default", Route = "cheap" },
            ],
        };

        Assert.Equal("strong", policy.Route(["legal"], 10, 0.1));
        Assert.Equal("strong", policy.Route([], 501, 0.1));
        Assert.Equal("strong", policy.Route([], 10, 0.8));
        Assert.Equal("cheap", policy.Route([], 500, 0.79));
        Assert.Equal("cheap", policy.Route([], 10, null));
    }
}
