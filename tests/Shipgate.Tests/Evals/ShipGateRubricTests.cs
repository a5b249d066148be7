using Shipgate.Evals;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals;

public sealed class ShipGateRubricTests
{
    private static CandidateSummary Summary(double? rubricMean, Interval ci, int verdicts = 50, int inconclusive = 0) => new()
    {
        CandidateId = "c",
        Provider = "openai:m",
        Total = 50,
        Passed = 50,
        PassRate = 1,
        RubricJudged = rubricMean is null ? 0 : verdicts - inconclusive,
        RubricMean = rubricMean,
        RubricMeanCi = ci,
        RubricVerdicts = verdicts,
        RubricInconclusive = inconclusive,
        Judges = ["openai:gpt-4o"],
        Verdict = new GateVerdict(false, [], []),
    };

    [Fact]
    public void Evaluate_RubricMeanAboveThreshold_PassesAndSaysUncalibrated()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0 }, Summary(4.4, new Interval(4.2, 4.6)), pending: 0);

        var check = Assert.Single(verdict.Checks, c => c.Name == "rubric mean");
        Assert.True(check.Pass);
        Assert.Equal("≥ 4.00", check.Threshold);
        Assert.Contains("[4.2, 4.6]", check.Measured, StringComparison.Ordinal);
        Assert.Contains("judge uncalibrated: no human labels", check.Measured, StringComparison.Ordinal);
        Assert.True(verdict.Ship);
    }

    [Fact]
    public void Evaluate_RubricMeanWhoseIntervalStraddles_WarnsVerdictIsNotFirm()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0 }, Summary(4.1, new Interval(3.8, 4.4)), pending: 0);

        Assert.True(verdict.Ship);
        Assert.Contains(verdict.Warnings, w => w.StartsWith("rubric mean 4.10 clears ≥ 4.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EveryVerdictInconclusive_FailsBothRubricChecks()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 3.0, MaxInconclusiveRate = 0.1 }, Summary(null, default, verdicts: 10, inconclusive: 10), pending: 0);

        Assert.False(verdict.Ship);
        Assert.Contains(verdict.Checks, c => c.Name == "rubric mean" && !c.Pass && c.Measured.Contains("10 inconclusive", StringComparison.Ordinal));
        Assert.Contains(verdict.Checks, c => c.Name == "inconclusive verdicts" && !c.Pass && c.Measured.Contains("1.00 (10/10 rubric verdicts lost, 0 judged)", StringComparison.Ordinal));
    }
}
