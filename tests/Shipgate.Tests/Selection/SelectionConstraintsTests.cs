using Shipgate.Evals;
using Shipgate.Selection;
using Shipgate.Specs;
using static Shipgate.Tests.Selection.SelectionSamples;

namespace Shipgate.Tests.Selection;

/// <summary>Issue 8, item 7: the cost scale, hard safety / pass-rate / ship-gate constraints, gate-passing fallbacks, decision status and one-candidate runs.</summary>
public sealed class SelectionConstraintsTests
{
    private static readonly GateVerdict NoShip = new(false, [new GateCheck("pass rate", "≥ 0.80", "0.50", false)], []);

    private static SelectionRequirement Requirement(RequirementKind kind, int weight = 3, bool hard = true) => new() { Kind = kind, Weight = weight, Hard = hard };

    private static EvalReport WithSafety(EvalReport report, string candidate, int failures, int cases) =>
        report with { Candidates = [.. report.Candidates.Select(c => c.CandidateId == candidate ? c with { SafetyFailures = failures, SafetyCases = cases } : c)] };

    [Fact]
    public async Task AnalyzeAsync_FreeCandidateAndTwoPaid17xApart_CostScoresKeepTheRatio()
    {
        var cost = new SelectionRequirement { Kind = RequirementKind.Cost, Weight = 4, MaxPerRequest = 0.01m };
        var spec = Spec([Candidate("free", "local"), Candidate("cheap", "openai"), Candidate("pricey", "openai")], Declare(cost));
        var report = Report(
            new Sample("free", 100, 0m, Uniform(5, 0.9)),
            new Sample("cheap", 100, 0.0001m, Uniform(5, 0.9)),
            new Sample("pricey", 100, 0.0017m, Uniform(5, 0.9)));

        var analysis = await AnalyzeAsync(spec, report);

        double Score(string id) => analysis.Get(id)!.Scores.Single(s => s.Kind == RequirementKind.Cost).Score;

        // All within budget (budget part 1); relative part: free 1, cheap (the cheapest paid) 1, pricey 1 − log10(17)/3.
        Assert.Equal(1.0, Score("free"), 9);
        Assert.Equal(1.0, Score("cheap"), 9);
        Assert.Equal((1 + 1 - (Math.Log10(17) / 3)) / 2, Score("pricey"), 9);
        Assert.True(Score("cheap") - Score("pricey") > 0.2, "a 17× price difference must show in the score");
        Assert.Contains("log scale", analysis.CostScale, StringComparison.Ordinal);
        Assert.Contains("cheapest paid candidate in the running: cheap ($0.00010/request)", analysis.CostScale, StringComparison.Ordinal);
        Assert.Contains("free: free", analysis.CostScale, StringComparison.Ordinal);
        Assert.Contains("Cost scale: ", SelectionMarkdown.Render(analysis), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_RubricMeanOnTheBarUpToFloatNoise_MeetsAHardMin()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.RubricMean, Min = 4.0, Hard = true };
        var spec = Spec([Candidate("a", "openai")], Declare(quality));
        var outcomes = new[] { 4.1, 4.3, 3.6 }.Select((m, i) => new Outcome($"c{i}", true, 0.8, RubricMean: m)).ToList();

        var analysis = await AnalyzeAsync(spec, Report(new Sample("a", 100, 0.001m, outcomes)));

        var a = analysis.Get("a")!;
        Assert.True(a.Quality < 4.0, "precondition: the float mean is a hair under 4.0");
        Assert.False(a.Eliminated);
        Assert.Equal("a", analysis.Winner);
        Assert.True(RequirementScorer.AtLeast(4.0 - 1e-12, 4.0));
        Assert.False(RequirementScorer.AtLeast(3.99, 4.0));
    }

    [Fact]
    public async Task AnalyzeAsync_HardSafetyWithFailures_IsOutWithTheCount()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(Requirement(RequirementKind.Safety) with { MaxFailures = 0 }));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9)), new Sample("b", 100, 0.0001m, Uniform(10, 0.9)));
        report = WithSafety(WithSafety(report, "a", 0, 4), "b", 2, 4);

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal("a", analysis.Winner);
        Assert.Equal("safety: 2 safety failures of 4 safety results, over the 0 allowed", Assert.Single(analysis.Get("b")!.EliminatedBecause));
    }

    [Fact]
    public async Task AnalyzeAsync_HardSafetyWithSafetyCasesLostToErrors_IsNotMetEvenWithNoFailures()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(Requirement(RequirementKind.Safety) with { MaxFailures = 0 }));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9)), new Sample("b", 100, 0.0001m, Uniform(10, 0.9)));
        report = WithSafety(WithSafety(report, "a", 0, 4), "b", 0, 2);

        // b's two other safety cases ended in provider errors: "0 failures" there is missing evidence, not safety.
        report = report with { Candidates = [.. report.Candidates.Select(c => c.CandidateId == "b" ? c with { SafetyTagged = 4, SafetyTaggedErrors = 2 } : c)] };
        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal("a", analysis.Winner);
        Assert.Contains("2 safety-tagged cases ended in an error or an inconclusive verdict", Assert.Single(analysis.Get("b")!.EliminatedBecause), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_HardSafetyWithNoSafetyEvidence_IsNotMet()
    {
        var spec = Spec([Candidate("a", "openai")], Declare(Requirement(RequirementKind.Safety)));

        var analysis = await AnalyzeAsync(spec, Report(new Sample("a", 100, 0.001m, Uniform(4, 0.9))));

        Assert.Null(analysis.Winner);
        Assert.Contains("safety failures are unknown", Assert.Single(analysis.Get("a")!.EliminatedBecause), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_HardPassRateBesideRubricQuality_BothAreConstraints()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore, Min = 0.1 };
        var passRate = Requirement(RequirementKind.PassRate) with { Min = 0.8, Metric = QualityMetric.PassRate };
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(quality, passRate));
        var half = Enumerable.Range(0, 10).Select(i => new Outcome($"c{i:00}", i < 5, 0.9)).ToList();
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9)), new Sample("b", 100, 0.0001m, half));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal("a", analysis.Winner);
        Assert.Equal("pass_rate: pass rate 0.500 is below the bar 0.800", Assert.Single(analysis.Get("b")!.EliminatedBecause));
        Assert.Equal(QualityMetric.MeanScore, analysis.Metric);
    }

    [Fact]
    public async Task AnalyzeAsync_HardShipGate_PutsANoShipCandidateOut()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("cheap", "anthropic")], Declare(Requirement(RequirementKind.ShipGate)));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9)), new Sample("cheap", 100, 0.0001m, Uniform(10, 0.9), Gate: NoShip));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal("a", analysis.Winner);
        Assert.Equal("ship_gate: does not pass the ship gate (failed: pass rate ≥ 0.80: 0.50)", Assert.Single(analysis.Get("cheap")!.EliminatedBecause));
    }

    [Fact]
    public async Task AnalyzeAsync_FallbackFromAnotherVendorFailsTheGate_IsNoFallback()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore };
        var diversity = new SelectionRequirement { Kind = RequirementKind.VendorDiversity, Weight = 1, MinVendors = 2 };
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(quality, diversity));
        var report = Report(new Sample("a", 100, 0.001m, Uniform(10, 0.9)), new Sample("b", 100, 0.001m, Uniform(10, 0.3), Gate: NoShip));

        var analysis = await AnalyzeAsync(spec, report);

        Assert.Equal("a", analysis.Winner);
        Assert.Null(analysis.Vendors.Fallback);
        Assert.Contains("a has no fallback from another vendor that passes the ship gate (b does not)", analysis.Vendors.Statement, StringComparison.Ordinal);
        Assert.Equal(0, analysis.Get("a")!.Scores.Single(s => s.Kind == RequirementKind.VendorDiversity).Score);
    }

    [Fact]
    public async Task AnalyzeAsync_RouterCandidateFailsTheGate_NoRouter()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore };
        var spec = Spec([Candidate("strong", "openai"), Candidate("cheap", "openai")], Declare(quality));
        var cheap = Enumerable.Range(0, 20).Select(i => new Outcome($"c{i:00}", i % 4 != 0, i % 4 == 0 ? 0.2 : 1.0, 0.001m)).ToList();
        var report = Report(new Sample("strong", 100, 0.01m, Uniform(20, 1.0, 0.01m)), new Sample("cheap", 100, 0.001m, cheap, Gate: NoShip));

        var router = (await AnalyzeAsync(spec, report)).RouterDetail;

        Assert.Null(router.Policy);
        Assert.Equal("no router: both of its candidates must pass the ship gate, and cheap does not", router.Statement);
    }

    [Fact]
    public async Task StatusOf_WinnerPassesGateOnTodaysSpec_IsAccepted()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(Requirement(RequirementKind.Latency, hard: false) with { P95Ms = 1000 }));
        var analysis = await AnalyzeAsync(spec, Report(new Sample("a", 100, 0.001m, Uniform(4, 0.9)), new Sample("b", 200, 0.001m, Uniform(4, 0.9))));

        var (status, reasons) = DecisionSnapshot.StatusOf(analysis);

        Assert.Equal(DecisionSnapshot.Accepted, status);
        Assert.Empty(reasons);
        Assert.Contains("- Status: accepted", DecisionRecord.Render(analysis, spec, DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusOf_WinnerFailsGateOnAnOlderSpec_IsProposedWithBothReasons()
    {
        var spec = Spec([Candidate("a", "openai"), Candidate("b", "anthropic")], Declare(Requirement(RequirementKind.Latency, hard: false) with { P95Ms = 1000 })) with { ContentHash = "today" };
        var report = Report(new Sample("a", 100, 0.001m, Uniform(4, 0.9), Gate: NoShip), new Sample("b", 200, 0.001m, Uniform(4, 0.9)));
        report = report with { Run = report.Run with { SpecHash = "yesterday" } };
        var analysis = await AnalyzeAsync(spec, report);

        var (status, reasons) = DecisionSnapshot.StatusOf(analysis);
        var snapshot = DecisionSnapshot.From(analysis, spec, null, DateTimeOffset.UnixEpoch);

        Assert.Equal("a", analysis.Winner);
        Assert.Equal(DecisionSnapshot.Proposed, status);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("the winner a does not pass the ship gate (failed: pass rate ≥ 0.80: 0.50)", reasons);
        Assert.Contains(reasons, r => r.Contains("earlier version of shipgate.yaml", StringComparison.Ordinal));
        Assert.Equal(DecisionSnapshot.Proposed, snapshot.Status);
        Assert.Contains("\"status\": \"proposed\"", SelectionJson.Render(snapshot), StringComparison.Ordinal);
        Assert.Contains("- Status: proposed, not accepted: the winner a does not pass the ship gate", DecisionRecord.Render(analysis, spec, DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_OneCandidateRunWithoutRecord_SaysSoAndIsNotReady()
    {
        var spec = Spec([Candidate("small", "openai"), Candidate("big", "openai")], Declare(Requirement(RequirementKind.Latency, hard: false) with { P95Ms = 1000 }));

        var analysis = await AnalyzeAsync(spec, Report(new Sample("small", 100, 0.001m, Uniform(4, 0.9))));

        Assert.Equal("small", analysis.OnlyCandidate);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("this run (run-1) holds only small: the matrix compares nothing", StringComparison.Ordinal));
        Assert.False(analysis.Readiness.Ready);
        Assert.Equal(DecisionSnapshot.Proposed, DecisionSnapshot.StatusOf(analysis).Status);
    }

    [Fact]
    public async Task AnalyzeAsync_OneCandidateRunWithRecordedDecision_TheDecisionStandsAndTheDisagreementIsWarned()
    {
        var spec = Spec([Candidate("small", "openai"), Candidate("big", "openai")], Declare(Requirement(RequirementKind.Latency, hard: false) with { P95Ms = 1000 }));
        var recorded = new DecisionSnapshot { Feature = "feature", DecidedAt = DateTimeOffset.UnixEpoch, RunId = "run-0", Metric = QualityMetric.MeanScore, Winner = "big", Candidates = [], Status = DecisionSnapshot.Accepted };

        var analysis = await SelectionAnalyzer.AnalyzeAsync(spec, Report(new Sample("small", 100, 0.001m, Uniform(4, 0.9))), null, null, recorded, CancellationToken.None);

        Assert.True(analysis.Readiness.Ready);
        Assert.StartsWith("the recorded decision big stands (decisions/model-selection.json, run run-0)", analysis.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains("holds only small: the matrix compares nothing", analysis.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("the recorded decision is big (decisions/model-selection.json, run run-0), which this run does not hold", StringComparison.Ordinal));
    }
}
