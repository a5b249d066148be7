using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Tests.Evals;

public sealed class RunComparerTests
{
    private static ResultRecord R(string caseId, double score, int repeat = 0) => new()
    {
        RunId = "r",
        CaseId = caseId,
        CandidateId = "c",
        Repeat = repeat,
        Score = score,
        Pass = score >= 0.5,
        CompletedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Compare_SameResults_NoSignificantDifference()
    {
        var results = Enumerable.Range(0, 40).Select(i => R($"c{i}", (i % 4) / 3.0)).ToList();

        var comparison = RunComparer.Compare("A", results, "B", results);

        Assert.Equal(ComparisonVerdict.NoSignificantDifference, comparison.Scores.Verdict);
        Assert.Equal(0, comparison.Scores.Difference.MeanDifference, 10);
        Assert.Empty(comparison.Regressions);
    }

    [Fact]
    public void Compare_ManyCasesBreak_IsARegressionNamingThem()
    {
        var a = Enumerable.Range(0, 40).Select(i => R($"c{i}", 1)).ToList();
        var b = Enumerable.Range(0, 40).Select(i => R($"c{i}", i < 15 ? 0 : 1)).ToList();

        var comparison = RunComparer.Compare("A", a, "B", b);

        Assert.Equal(ComparisonVerdict.Regression, comparison.Scores.Verdict);
        Assert.Equal(15, comparison.Regressions.Count());
        Assert.Contains(comparison.Regressions, c => c.CaseId == "c0");
    }

    [Fact]
    public void Compare_RepeatsAreAveragedPerCase_AndUnsharedCasesLeftOut()
    {
        var a = new[] { R("x", 1, 0), R("x", 0, 1), R("y", 1), R("only-a", 1) };
        var b = new[] { R("x", 1), R("y", 1), R("only-b", 0) };

        var comparison = RunComparer.Compare("A", a, "B", b);

        Assert.Equal(2, comparison.Cases.Count);
        Assert.Equal(2, comparison.Unpaired);
        Assert.Equal(0.5, comparison.Cases.Single(c => c.CaseId == "x").ScoreA);
    }

    [Fact]
    public void Compare_NoSharedCases_IsAUsageError()
    {
        Assert.Throws<EvalUsageException>(() => RunComparer.Compare("A", [R("x", 1)], "B", [R("y", 1)]));
    }
}
