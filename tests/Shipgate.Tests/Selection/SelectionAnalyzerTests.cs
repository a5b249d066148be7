using Shipgate.Cost;
using Shipgate.Reports;
using Shipgate.Selection;
using Shipgate.Specs;
using static Shipgate.Tests.Selection.SelectionSamples;

namespace Shipgate.Tests.Selection;

public sealed class SelectionAnalyzerTests
{
    private static readonly SelectionRequirement Quality = new() { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore, Min = 0.5 };
    private static readonly SelectionRequirement Latency = new() { Kind = RequirementKind.Latency, Weight = 3, P95Ms = 2000 };
    private static readonly SelectionRequirement Cost = new() { Kind = RequirementKind.Cost, Weight = 4, MaxPerRequest = 0.002m };

    private static SelectionAnalysis TwoCandidates(SelectionSpec selection, double qualityA = 0.9, IReadOnlyList<string>? regionsB = null)
    {
        var spec = Spec([Candidate("a", "openai", ["eu"]), Candidate("b", "anthropic", regionsB ?? ["eu"])], selection);
        var report = Report(
            new Sample("a", 1000, 0.001m, Uniform(10, qualityA)),
            new Sample("b", 500, 0.0005m, Uniform(10, 0.8)));
        return SelectionAnalyzer.Analyze(spec, report, null);
    }

    [Fact]
    public void Analyze_WeightedSum_MatchesHandComputedTotals()
    {
        var analysis = TwoCandidates(Declare(Quality, Latency, Cost));

        // a: quality (0.9-0.5)/0.5 = 0.8 ×5 = 4; latency (1 + 500/1000)/2 = 0.75 ×3 = 2.25; cost (1 + 0.0005/0.001)/2 = 0.75 ×4 = 3
        // b: quality 0.6 ×5 = 3; latency 1 ×3 = 3; cost 1 ×4 = 4
        Assert.Equal(9.25, analysis.Get("a")!.Total, 9);
        Assert.Equal(10.0, analysis.Get("b")!.Total, 9);
        Assert.Equal(12, analysis.Get("a")!.MaxTotal);
        Assert.Equal("b", analysis.Winner);
        Assert.Equal("b", analysis.Candidates[0].CandidateId);
        Assert.Equal(ReadinessStatus.Ready, analysis.Readiness.Status);
    }

    [Fact]
    public void Analyze_HardConstraint_EliminatesWithReasonAndWinnerIsTheOther()
    {
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 4, Hard = true, Regions = ["eu"] };

        var analysis = TwoCandidates(Declare(Quality, Latency, Cost, privacy), regionsB: ["us"]);

        var b = analysis.Get("b")!;
        Assert.True(b.Eliminated);
        Assert.Contains("region eu", Assert.Single(b.EliminatedBecause), StringComparison.Ordinal);
        Assert.Equal("a", analysis.Winner);
        Assert.Equal("b", analysis.Candidates[^1].CandidateId);
        Assert.Contains(analysis.Readiness.Reasons, r => r.StartsWith("b is out", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_NobodyPassesHardQuality_NoWinnerNotReady()
    {
        var hard = Quality with { Min = 0.95, Hard = true };

        var analysis = TwoCandidates(Declare(hard, Latency));

        Assert.Null(analysis.Winner);
        Assert.Equal(ReadinessStatus.NotReady, analysis.Readiness.Status);
        Assert.All(analysis.Candidates, c => Assert.Contains("below the bar 0.950", c.EliminatedBecause[0], StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_WeightSensitivity_ListsExactlyTheChangesThatFlipTheWinner()
    {
        // a: quality 1.0 ×4 = 4, latency 2.25, cost 3 → 9.25; b: quality 0.6 ×4 = 2.4, latency 3, cost 4 → 9.4.
        var analysis = TwoCandidates(Declare(Quality with { Weight = 4 }, Latency, Cost), qualityA: 1.0);

        Assert.Equal("b", analysis.Winner);
        var flips = analysis.Robustness.Flips.Select(f => (f.Kind, f.Delta)).OrderBy(f => f.Kind).ToList();
        Assert.Equal([(RequirementKind.Quality, 1), (RequirementKind.Latency, -1), (RequirementKind.Cost, -1)], flips);
        Assert.All(analysis.Robustness.Flips, f => Assert.Equal("a", f.Winner));
        Assert.Equal(6, analysis.Robustness.Checked.Count);
        Assert.Equal(0.15, analysis.Robustness.Margin!.Value, 9);
        Assert.Contains("quality weight +1 → a", analysis.Robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TopTwoWithConsistentGap_AreSeparatedBeyondNoise()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality));
        var report = Report(
            new Sample("a", 100, 0.001m, [.. Enumerable.Range(0, 30).Select(i => new Outcome($"c{i:00}", true, 0.9 + (i % 3 * 0.03)))]),
            new Sample("b", 100, 0.001m, [.. Enumerable.Range(0, 30).Select(i => new Outcome($"c{i:00}", true, 0.6 + (i % 2 * 0.05)))]));

        var robustness = SelectionAnalyzer.Analyze(spec, report, null).Robustness;

        Assert.Equal("a", robustness.Winner);
        Assert.Equal("b", robustness.RunnerUp);
        Assert.True(robustness.Separated);
        Assert.True(robustness.QualityDifference!.MeanDifference > 0.25);
        Assert.Contains("separated beyond noise", robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TopTwoWithinNoise_SaysTheyCannotBeToldApart()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality, Cost));
        var report = Report(
            new Sample("a", 100, 0.001m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 1.0 : 0.6))]),
            new Sample("b", 100, 0.002m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 0.6 : 1.0))]));

        var robustness = SelectionAnalyzer.Analyze(spec, report, null).Robustness;

        Assert.False(robustness.Separated);
        Assert.Contains("cannot be told apart", robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_VendorDiversity_ScoresFallbackFromAnotherShippingVendor()
    {
        var diversity = new SelectionRequirement { Kind = RequirementKind.VendorDiversity, Weight = 2, MinVendors = 2 };
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 1, Hard = true, Regions = ["eu"] };
        var spec = Spec([Candidate("a", "openai", ["eu"]), Candidate("b", "openai", ["eu"]), Candidate("c", "anthropic", ["us"])], Declare(Quality, privacy, diversity));
        var report = Report(
            new Sample("a", 100, 0.001m, Uniform(5, 0.9)),
            new Sample("b", 100, 0.001m, Uniform(5, 0.8)),
            new Sample("c", 100, 0.001m, Uniform(5, 0.95)));

        var analysis = SelectionAnalyzer.Analyze(spec, report, null);

        // c is out (us only), so the shipping set is openai-only: no fallback vendor.
        Assert.Equal(["openai"], analysis.Vendors.Vendors);
        Assert.False(analysis.Vendors.Met);
        Assert.Null(analysis.Vendors.Fallback);
        Assert.Equal(0, analysis.Get("a")!.Scores.Single(s => s.Kind == RequirementKind.VendorDiversity).Score);
        Assert.Equal(ReadinessStatus.Ready, analysis.Readiness.Status);

        var hard = SelectionAnalyzer.Analyze(spec with { Selection = Declare(Quality, privacy, diversity with { Hard = true }) }, report, null);
        Assert.Equal(ReadinessStatus.NotReady, hard.Readiness.Status);
    }

    [Fact]
    public void Analyze_ParetoFront_MarksDominatedCandidates()
    {
        var spec = Spec([Candidate("cheap", "openai"), Candidate("best", "openai"), Candidate("worse", "openai")], Declare(Quality, Cost));
        var report = Report(
            new Sample("cheap", 100, 0.0001m, Uniform(5, 0.7)),
            new Sample("best", 100, 0.001m, Uniform(5, 0.95)),
            new Sample("worse", 100, 0.002m, Uniform(5, 0.8)));

        var analysis = SelectionAnalyzer.Analyze(spec, report, null);

        Assert.True(analysis.Get("cheap")!.OnParetoFront);
        Assert.True(analysis.Get("best")!.OnParetoFront);
        Assert.False(analysis.Get("worse")!.OnParetoFront);
    }

    [Fact]
    public void Analyze_Provenance_NamesDeclaredPricingAndCatalog()
    {
        var catalog = new PriceCatalog
        {
            Date = new DateOnly(2026, 11, 20),
            Source = "test catalog",
            Models = [new ModelPrice { Model = "model-y", Provider = "acme", InputPerToken = 0.000001m, OutputPerToken = 0.00001m, MaxInputTokens = 32000 }],
        };
        var priced = Candidate("priced", "openai", pricing: new Pricing(1, 2));
        var fromCatalog = new CandidateSpec { Id = "cat", Provider = "openai:model-y" };
        var spec = Spec([priced, fromCatalog], Declare(Quality, Cost, Latency));
        var report = Report(
            new Sample("priced", 100, 0.001m, Uniform(4, 0.9), priced),
            new Sample("cat", 100, null, Uniform(4, 0.9), fromCatalog));

        var analysis = SelectionAnalyzer.Analyze(spec, report, catalog);

        var p = analysis.Get("priced")!;
        Assert.Equal(ProvenanceKind.Derived, p.CostSource.Kind);
        Assert.Contains("candidates[priced].pricing", p.CostSource.Detail, StringComparison.Ordinal);
        Assert.Equal(ProvenanceKind.Measured, p.LatencySource.Kind);
        Assert.Equal(ProvenanceKind.Declared, p.VendorSource!.Value.Kind);

        // 1000 input × $0.000001 + 100 output × $0.00001 = $0.002 per request
        var c = analysis.Get("cat")!;
        Assert.Equal(0.002m, c.CostPerRequest);
        Assert.Contains("test catalog", c.CostSource.Detail, StringComparison.Ordinal);
        Assert.Equal("acme", c.Vendor);
        Assert.Equal(ProvenanceKind.Catalog, c.VendorSource!.Value.Kind);
    }

    [Fact]
    public void Analyze_UnknownCostUnderHardBudget_IsOutAsUnknown()
    {
        var spec = Spec([Candidate("a", "openai"), new CandidateSpec { Id = "free?", Provider = "openai:unpriced" }], Declare(Quality, Cost with { Hard = true }));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(3, 0.9)), new Sample("free?", 100, null, Uniform(3, 0.9)));

        var analysis = SelectionAnalyzer.Analyze(spec, report, null);

        Assert.Contains("unknown", analysis.Get("free?")!.EliminatedBecause[0], StringComparison.Ordinal);
        Assert.Equal("a", analysis.Winner);
    }

    [Fact]
    public void Analyze_RubricMetric_UsesRubricMeanAndItsScale()
    {
        var spec = Spec([Candidate("a", "openai")], Declare(new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Min = 4.0 }));
        var report = Report(new Sample("a", 100, 0.001m, [new Outcome("c1", true, 1, RubricMean: 4.5), new Outcome("c2", true, 1, RubricMean: 4.5)]));

        var analysis = SelectionAnalyzer.Analyze(spec, report, null);

        Assert.Equal(QualityMetric.RubricMean, analysis.Metric);
        Assert.Equal(4.5, analysis.Get("a")!.Quality);
        Assert.Equal(0.5, analysis.Get("a")!.Scores[0].Score, 9);
    }

    [Fact]
    public void Analyze_NoSelectionSection_IsNotDeclaredWithoutWinner()
    {
        var spec = Spec([Candidate("a", "openai")], null);
        var report = Report(new Sample("a", 100, 0.001m, Uniform(3, 0.9)));

        var analysis = SelectionAnalyzer.Analyze(spec, report, null);

        Assert.Equal(ReadinessStatus.NotDeclared, analysis.Readiness.Status);
        Assert.Null(analysis.Winner);
        Assert.Contains("selection:", analysis.Readiness.Summary, StringComparison.Ordinal);
    }
}
