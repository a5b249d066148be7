using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Tests.Evals;

public sealed class EvalReportBuilderTests
{
    private static RunRecord Run(params string[] candidates) => new()
    {
        Id = "r1",
        Feature = "f",
        StartedAt = DateTimeOffset.UnixEpoch,
        SpecHash = "",
        Candidates = [.. candidates.Select(c => new PlannedCandidate(c, c.StartsWith("local", StringComparison.Ordinal) ? "local:extractive" : "openai:m", "{}"))],
        CaseIds = ["a", "b"],
        Repeats = 1,
        Status = RunStatus.Completed,
    };

    private static ResultRecord Result(string candidate, string caseId, bool pass, double latency = 100, decimal? cost = 0.001m, string? error = null) => new()
    {
        RunId = "r1",
        CaseId = caseId,
        CandidateId = candidate,
        Repeat = 0,
        Pass = pass,
        Score = pass ? 1 : 0,
        LatencyMs = latency,
        CostUsd = cost,
        Error = error,
        CompletedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Build_EverythingPasses_WarnsTooEasy()
    {
        var report = EvalReportBuilder.Build(Run("x"), [Result("x", "a", true), Result("x", "b", true)], null);

        Assert.Contains(report.Warnings, w => w.Contains("too easy", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NothingPasses_WarnsTooHard()
    {
        var report = EvalReportBuilder.Build(Run("x"), [Result("x", "a", false), Result("x", "b", false)], null);

        Assert.Contains(report.Warnings, w => w.Contains("too hard", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SummarisesPerCandidate()
    {
        var results = new[]
        {
            Result("x", "a", true, latency: 100, cost: 0.002m),
            Result("x", "b", false, latency: 300, cost: 0.004m),
            Result("local", "a", true, cost: 0m),
            Result("local", "b", false, error: "boom", cost: null),
        };

        var report = EvalReportBuilder.Build(Run("x", "local"), results, null);

        var x = report.Candidates.Single(c => c.CandidateId == "x");
        Assert.Equal(0.5, x.PassRate);
        Assert.Equal(0.006m, x.TotalCostUsd);
        Assert.Equal(0.003m, x.CostPerRequestUsd);
        Assert.Equal(290, x.P95LatencyMs, 6);
        var local = report.Candidates.Single(c => c.CandidateId == "local");
        Assert.True(local.OfflineStandIn);
        Assert.Equal(1, local.Errors);
        Assert.Contains(report.Warnings, w => w.Contains("offline stand-in", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MissingResults_CountsPending()
    {
        var report = EvalReportBuilder.Build(Run("x") with { Status = RunStatus.Interrupted }, [Result("x", "a", true)], null);

        Assert.Equal(1, report.Pending);
        Assert.False(report.Candidates.Single().Verdict.Ship);
    }

    [Fact]
    public void Build_Repeats_FlagsCasesWhoseVerdictChanged()
    {
        var run = Run("x") with { CaseIds = ["a", "b", "c"], Repeats = 2 };
        var results = new[]
        {
            Result("x", "a", true) with { Repeat = 0 }, Result("x", "a", false) with { Repeat = 1 },
            Result("x", "b", true) with { Repeat = 0 }, Result("x", "b", true) with { Repeat = 1 },
            Result("x", "c", false) with { Repeat = 0 }, Result("x", "c", false) with { Repeat = 1 },
        };

        var report = EvalReportBuilder.Build(run, results, null);

        var flaky = Assert.Single(report.Warnings, w => w.Contains("flaky", StringComparison.Ordinal));
        Assert.Contains("(a)", flaky, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoCandidates_SaysWhatDifferenceTheSuiteCanDetect()
    {
        var run = Run("x", "y") with { CaseIds = ["a", "b", "c", "d"] };
        var results = new[] { "a", "b", "c", "d" }.SelectMany(c => new[] { Result("x", c, c != "a"), Result("y", c, c is "a" or "b") }).ToArray();

        var report = EvalReportBuilder.Build(run, results, null);

        Assert.Contains(report.Warnings, w => w.StartsWith("sensitivity: with 4 paired cases", StringComparison.Ordinal));
    }
}
