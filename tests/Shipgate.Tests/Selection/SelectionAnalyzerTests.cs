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

    private static Task<SelectionAnalysis> TwoCandidates(SelectionSpec selection, double qualityA = 0.9, IReadOnlyList<string>? regionsB = null, double qualityB = 0.8, decimal costB = 0.0005m)
    {
        var spec = Spec([Candidate("a", "openai", ["eu"]), Candidate("b", "anthropic", regionsB ?? ["eu"])], selection);
        var report = Report(
            new Sample("a", 1000, 0.001m, Uniform(10, qualityA)),
            new Sample("b", 500, costB, Uniform(10, qualityB)));
        return AnalyzeAsync(spec, report);
    }

    [Fact]
    public async Task Analyze_WeightedSum_MatchesHandComputedTotals()
    {
        var analysis = await TwoCandidates(Declare(Quality, Latency, Cost));

        // a: quality (1 + 1)/2 = 1 ×5 = 5 (the best); latency (1 + 500/1000)/2 = 0.75 ×3 = 2.25; cost (1 + (1 − log10(2)/3))/2 ×4 = 3.79931
        // b: quality (1 + (0.8-0.5)/(0.9-0.5))/2 = 0.875 ×5 = 4.375 (the 0.1 gap is the same on every case: beyond noise); latency 1 ×3 = 3; cost 1 ×4 = 4
        Assert.Equal(5 + 2.25 + (4 * (1 - (Math.Log10(2) / 6))), analysis.Get("a")!.Total, 9);
        Assert.Equal(11.375, analysis.Get("b")!.Total, 9);
        Assert.Equal(12, analysis.Get("a")!.MaxTotal);
        Assert.Equal("b", analysis.Winner);
        Assert.Equal("b", analysis.Candidates[0].CandidateId);
        Assert.Equal(ReadinessStatus.Ready, analysis.Readiness.Status);
    }

    [Fact]
    public async Task Analyze_HardConstraint_EliminatesWithReasonAndWinnerIsTheOther()
    {
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 4, Hard = true, Regions = ["eu"] };

        var analysis = await TwoCandidates(Declare(Quality, Latency, Cost, privacy), regionsB: ["us"]);

        var b = analysis.Get("b")!;
        Assert.True(b.Eliminated);
        Assert.Contains("region eu", Assert.Single(b.EliminatedBecause), StringComparison.Ordinal);
        Assert.Equal("a", analysis.Winner);
        Assert.Equal("b", analysis.Candidates[^1].CandidateId);
        Assert.Contains(analysis.Readiness.Reasons, r => r.StartsWith("b is out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_NobodyPassesHardQuality_NoWinnerNotReady()
    {
        var hard = Quality with { Min = 0.95, Hard = true };

        var analysis = await TwoCandidates(Declare(hard, Latency));

        Assert.Null(analysis.Winner);
        Assert.Equal(ReadinessStatus.NotReady, analysis.Readiness.Status);
        Assert.All(analysis.Candidates, c => Assert.Contains("below the bar 0.950", c.EliminatedBecause[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_WeightSensitivity_ListsExactlyTheChangesThatFlipTheWinner()
    {
        // b is 25× cheaper. a: quality 1 ×4 = 4, latency 2.25, cost (1 + 1 − log10(25)/3)/2 ×4 = 3.06802 → 9.31802;
        // b: quality (1 + (0.6-0.5)/(1.0-0.5))/2 = 0.6 ×4 = 2.4, latency 3, cost 4 → 9.4.
        var analysis = await TwoCandidates(Declare(Quality with { Weight = 4 }, Latency, Cost), qualityA: 1.0, qualityB: 0.6, costB: 0.00004m);

        Assert.Equal("b", analysis.Winner);
        var flips = analysis.Robustness.Flips.Select(f => (f.Kind, f.Delta)).OrderBy(f => f.Kind).ToList();
        Assert.Equal([(RequirementKind.Quality, 1), (RequirementKind.Latency, -1), (RequirementKind.Cost, -1)], flips);
        Assert.All(analysis.Robustness.Flips, f => Assert.Equal("a", f.Winner));
        Assert.Equal(6, analysis.Robustness.Checked.Count);
        Assert.Equal((4 * Math.Log10(25) / 6) - 0.85, analysis.Robustness.Margin!.Value, 9);
        Assert.Contains("quality weight +1 → a", analysis.Robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_TopTwoWithConsistentGap_AreSeparatedBeyondNoise()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality));
        var report = Report(
            new Sample("a", 100, 0.001m, [.. Enumerable.Range(0, 30).Select(i => new Outcome($"c{i:00}", true, 0.9 + (i % 3 * 0.03)))]),
            new Sample("b", 100, 0.001m, [.. Enumerable.Range(0, 30).Select(i => new Outcome($"c{i:00}", true, 0.6 + (i % 2 * 0.05)))]));

        var robustness = (await AnalyzeAsync(spec, report)).Robustness;

        Assert.Equal("a", robustness.Winner);
        Assert.Equal("b", robustness.RunnerUp);
        Assert.True(robustness.Separated);
        Assert.True(robustness.QualityDifference!.MeanDifference > 0.25);
        Assert.Contains("separated beyond noise", robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_TopTwoWithinNoise_SaysTheyCannotBeToldApart()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality, Cost));
        var report = Report(
            new Sample("a", 100, 0.001m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 1.0 : 0.6))]),
            new Sample("b", 100, 0.002m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 0.6 : 1.0))]));

        var robustness = (await AnalyzeAsync(spec, report)).Robustness;

        Assert.False(robustness.Separated);
        Assert.Contains("cannot be told apart", robustness.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_VendorDiversity_ScoresFallbackFromAnotherShippingVendor()
    {
        var diversity = new SelectionRequirement { Kind = RequirementKind.VendorDiversity, Weight = 2, MinVendors = 2 };
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 1, Hard = true, Regions = ["eu"] };
        var spec = Spec([Candidate("a", "openai", ["eu"]), Candidate("b", "openai", ["eu"]), Candidate("c", "anthropic", ["us"])], Declare(Quality, privacy, diversity));
        var report = Report(
            new Sample("a", 100, 0.001m, Uniform(5, 0.9)),
            new Sample("b", 100, 0.001m, Uniform(5, 0.8)),
            new Sample("c", 100, 0.001m, Uniform(5, 0.95)));

        var analysis = await AnalyzeAsync(spec, report);

        // c is out (us only), so the shipping set is openai-only: no fallback vendor.
        Assert.Equal(["openai"], analysis.Vendors.Vendors);
        Assert.False(analysis.Vendors.Met);
        Assert.Null(analysis.Vendors.Fallback);
        Assert.Equal(0, analysis.Get("a")!.Scores.Single(s => s.Kind == RequirementKind.VendorDiversity).Score);
        Assert.Equal(ReadinessStatus.Ready, analysis.Readiness.Status);

        var hard = await AnalyzeAsync(spec with { Selection = Declare(Quality, privacy, diversity with { Hard = true }) }, report);
        Assert.Equal(ReadinessStatus.NotReady, hard.Readiness.Status);
    }

    [Fact]
    public async Task Analyze_ParetoFront_MarksDominatedCandidates()
    {
        var spec = Spec([Candidate("cheap", "openai"), Candidate("best", "openai"), Candidate("worse", "openai")], Declare(Quality, Cost));
        var report = Report(
            new Sample("cheap", 100, 0.0001m, Uniform(5, 0.7)),
            new Sample("best", 100, 0.001m, Uniform(5, 0.95)),
            new Sample("worse", 100, 0.002m, Uniform(5, 0.8)));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.True(analysis.Get("cheap")!.OnParetoFront);
        Assert.True(analysis.Get("best")!.OnParetoFront);
        Assert.False(analysis.Get("worse")!.OnParetoFront);
    }

    [Fact]
    public async Task Analyze_Provenance_NamesDeclaredPricingAndCatalog()
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

        var analysis = await AnalyzeAsync(spec, report, catalog);

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
    public async Task Analyze_UnknownCostUnderHardBudget_IsOutAsUnknown()
    {
        var spec = Spec([Candidate("a", "openai"), new CandidateSpec { Id = "free?", Provider = "openai:unpriced" }], Declare(Quality, Cost with { Hard = true }));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(3, 0.9)), new Sample("free?", 100, null, Uniform(3, 0.9)));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Contains("unknown", analysis.Get("free?")!.EliminatedBecause[0], StringComparison.Ordinal);
        Assert.Equal("a", analysis.Winner);
    }

    [Fact]
    public async Task Analyze_RubricMetric_UsesRubricMeanAndItsScale()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Min = 4.0 }));
        var report = Report(
            new Sample("a", 100, 0.001m, [.. Enumerable.Range(0, 4).Select(i => new Outcome($"c{i}", true, 1, RubricMean: 4.5))]),
            new Sample("b", 100, 0.001m, [.. Enumerable.Range(0, 4).Select(i => new Outcome($"c{i}", true, 1, RubricMean: 4.0))]));

        var analysis = await AnalyzeAsync(spec, report);

        // a is the best (1); b sits exactly on the bar, 0.5 below a on every case: bar part 1, relative part 0.
        Assert.Equal(QualityMetric.RubricMean, analysis.Metric);
        Assert.Equal(4.5, analysis.Get("a")!.Quality);
        Assert.Equal(1.0, analysis.Get("a")!.Scores[0].Score, 9);
        Assert.Equal(0.5, analysis.Get("b")!.Scores[0].Score, 9);
    }

    [Fact]
    public async Task Analyze_NoSelectionSection_IsNotDeclaredWithoutWinner()
    {
        var spec = Spec([Candidate("a", "openai")], null);
        var report = Report(new Sample("a", 100, 0.001m, Uniform(3, 0.9)));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal(ReadinessStatus.NotDeclared, analysis.Readiness.Status);
        Assert.Null(analysis.Winner);
        Assert.Contains("selection:", analysis.Readiness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_EliminatedCandidate_DoesNotMoveTheReferencesOrTheWinner()
    {
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 1, Hard = true, Regions = ["eu"] };
        var selection = Declare(Quality, Cost, privacy);
        var a = Candidate("a", "openai", ["eu"]);
        var b = Candidate("b", "openai", ["eu"]);
        var x = Candidate("x", "acme", ["us"]);
        var sa = new Sample("a", 100, 0.002m, Uniform(10, 0.9));
        var sb = new Sample("b", 100, 0.001m, Uniform(10, 0.85));
        var sx = new Sample("x", 50, 0.00001m, Uniform(10, 0.95));

        var with = await AnalyzeAsync(Spec([a, b, x], selection), Report(sa, sb, sx));
        var without = await AnalyzeAsync(Spec([a, b], selection), Report(sa, sb));

        // x is out (us only): the cheapest paid cost and best quality are b's and a's either way.
        // a: quality 1 ×5, cost (1 + 1 − log10(2)/3)/2 ×4 = 3.79931, privacy 1 → 9.79931; b: quality (1 + 0.35/0.4)/2 ×5 = 4.6875, cost 1 ×4, privacy 1 → 9.6875.
        Assert.True(with.Get("x")!.Eliminated);
        Assert.Equal("a", with.Winner);
        Assert.Equal(without.Winner, with.Winner);
        Assert.Equal(without.Get("a")!.Total, with.Get("a")!.Total, 9);
        Assert.Equal(9.6875, with.Get("b")!.Total, 9);
        Assert.False(with.Get("x")!.OnParetoFront);
        Assert.True(with.Get("a")!.OnParetoFront);
        Assert.True(with.Get("b")!.OnParetoFront);
        Assert.Contains("out (not on the front): x", SelectionMarkdown.Front(with), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_PriceChangedInSpec_CostIsRunTokensTimesTodaysPrice()
    {
        // The run stored $0.5 per request at an old price; today's declared price is $1 / $2 per million tokens.
        var priced = Candidate("a", "openai", pricing: new Pricing(1, 2));
        var spec = Spec([priced], Declare(Quality, Cost));
        var report = Report(new Sample("a", 100, 0.5m, Uniform(4, 0.9), priced));

        var a = (await AnalyzeAsync(spec, report)).Get("a")!;

        // 1000 input × $0.000001 + 100 output × $0.000002 = $0.0012
        Assert.Equal(0.0012m, a.CostPerRequest);
        Assert.Equal(ProvenanceKind.Derived, a.CostSource.Kind);
        Assert.Contains("today's price", a.CostSource.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_ErroredResults_AreLeftOutOfTheCostMean()
    {
        var priced = Candidate("a", "openai", pricing: new Pricing(1, 2));
        var spec = Spec([priced], Declare(Quality, Cost));
        var outcomes = Uniform(4, 0.9).Append(new Outcome("c99", false, 0, Error: "timeout")).ToList();

        var a = (await AnalyzeAsync(spec, Report(new Sample("a", 100, null, outcomes, priced)))).Get("a")!;

        Assert.Equal(0.0012m, a.CostPerRequest);
        Assert.False(a.Eliminated);
    }

    [Fact]
    public async Task AnalyzeAsync_NoPriceToday_ShowsTheStoredCostLabelledAsStored()
    {
        var spec = Spec([Candidate("a", "openai")], Declare(Quality, Cost));

        var a = (await AnalyzeAsync(spec, Report(new Sample("a", 100, 0.0007m, Uniform(3, 0.9))))).Get("a")!;

        Assert.Equal(0.0007m, a.CostPerRequest);
        Assert.Contains("stored by run run-1 at eval time", a.CostSource.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_QualityWithinNoiseOfTheBest_ScoresAsTheBest()
    {
        // b differs from a on 4 of 20 cases (3 down, 1 up): a mean gap of -0.04 the run cannot resolve.
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality with { Min = 0.76 }, Cost));
        double A(int i) => i % 2 == 0 ? 1.0 : 0.6;
        double B(int i) => i is 0 or 4 or 8 ? 0.6 : i == 3 ? 1.0 : A(i);
        var report = Report(
            new Sample("a", 100, 0.0026m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, A(i)))]),
            new Sample("b", 100, 0.0001m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, B(i)))]));

        var analysis = await AnalyzeAsync(spec, report);

        var qa = analysis.Get("a")!.Scores.Single(s => s.Kind == RequirementKind.Quality);
        var qb = analysis.Get("b")!.Scores.Single(s => s.Kind == RequirementKind.Quality);
        Assert.Equal(0.76, analysis.Get("b")!.Quality!.Value, 9);
        Assert.Equal(1.0, qa.Score, 9);
        Assert.Equal(qa.Score, qb.Score, 9);
        Assert.Contains("within noise of a", qb.Value, StringComparison.Ordinal);
        Assert.Equal("b", analysis.Winner);
    }

    [Fact]
    public async Task AnalyzeAsync_TopTwoWithinNoise_NamesWhatSeparatesThemOnBothSides()
    {
        // Same quality on average (paired differences ±0.4), a 100× cheaper, b faster.
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "openai")], Declare(Quality, Cost, Latency));
        var report = Report(
            new Sample("a", 1500, 0.00002m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 1.0 : 0.6))]),
            new Sample("b", 1000, 0.002m, [.. Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", true, i % 2 == 0 ? 0.6 : 1.0))]));

        var robustness = (await AnalyzeAsync(spec, report)).Robustness;

        // cost: a 1 ×4, b (1 + 1 − log10(100)/3)/2 ×4 = 2.667 → a +1.33; latency: a (1 + 1000/1500)/2 ×3 = 2.5, b 3 → b +0.5.
        Assert.Equal("a", robustness.Winner);
        Assert.False(robustness.Separated);
        Assert.Contains("a is ahead on cost (1.33 points)", robustness.Statement, StringComparison.Ordinal);
        Assert.Contains("b is ahead on latency (0.50 points)", robustness.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("rests on the other requirements", robustness.Statement, StringComparison.Ordinal);
        Assert.Equal([new PointDifference(RequirementKind.Cost, Math.Round(4.0 / 3, 9)), new PointDifference(RequirementKind.Latency, -0.5)], robustness.Differences.Select(d => d with { Points = Math.Round(d.Points, 9) }));
    }

    [Fact]
    public async Task AnalyzeAsync_WinnerFailsTheShipGate_WarnsWithTheFailedChecks()
    {
        var gate = new Shipgate.Evals.GateVerdict(false, [new Shipgate.Evals.GateCheck("pass rate", "≥ 0.80", "0.75", false), new Shipgate.Evals.GateCheck("p95 latency", "≤ 2000 ms", "100 ms", true)], []);
        var spec = Spec([Candidate("a", "openai")], Declare(Quality));

        var analysis = await AnalyzeAsync(spec, Report(new Sample("a", 100, 0.001m, Uniform(5, 0.9), Gate: gate)));

        Assert.Equal("a", analysis.Winner);
        Assert.False(analysis.Get("a")!.PassesShipGate);
        var warning = Assert.Single(analysis.Warnings, w => w.StartsWith("the winner", StringComparison.Ordinal));
        Assert.Equal("the winner a does not pass the ship gate yet (failed: pass rate ≥ 0.80: 0.75): fix that before shipping it", warning);
        Assert.Contains(warning, analysis.Readiness.Reasons);
        Assert.Contains("does not pass the eval's ship gate yet", analysis.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains("> warning: " + warning, DecisionRecord.Render(analysis, spec, DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_MostResultsErrored_IsOutEvenWithTheBestLatencyAndCost()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("flaky", "openai")], Declare(Quality, Latency, Cost));
        var flaky = Enumerable.Range(0, 10).Select(i => new Outcome($"c{i:00}", i >= 6, i >= 6 ? 1.0 : 0, Error: i < 6 ? "HTTP 500" : null)).ToList();
        var report = Report(new Sample("a", 1000, 0.001m, Uniform(10, 0.9)), new Sample("flaky", 10, 0.00001m, flaky));

        var analysis = await AnalyzeAsync(spec, report);

        var out_ = analysis.Get("flaky")!;
        Assert.True(out_.Eliminated);
        Assert.StartsWith("errors: 6 of 10 results errored", Assert.Single(out_.EliminatedBecause), StringComparison.Ordinal);
        Assert.Equal("a", analysis.Winner);

        // flaky's 10 ms does not set the latency reference: a is the fastest in the running.
        Assert.Equal(1.0, analysis.Get("a")!.Scores.Single(s => s.Kind == RequirementKind.Latency).Score, 9);
    }

    [Theory]
    [InlineData(0.62, "62%")]
    [InlineData(1.01, "101%")]
    [InlineData(0.025, "2.5%")]
    [InlineData(0.00025, "0.025%")]
    [InlineData(0.005, "0.50%")]
    [InlineData(0, "0%")]
    public void Pct_SmallSharesKeepTwoSignificantDigits(double share, string expected) =>
        Assert.Equal(expected, SelectionAnalyzer.Pct(share));
}
