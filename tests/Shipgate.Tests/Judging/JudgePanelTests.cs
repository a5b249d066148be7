using Shipgate.Judging;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Tests.Judging;

public sealed class JudgePanelTests
{
    private static JudgeResult Scored(string judge, int correctness, int safety, decimal? cost = 0.01m) => new(new JudgeVerdict
    {
        JudgeId = judge,
        Criteria = [new CriterionScore("correctness", correctness, "c"), new CriterionScore("safety", safety, "s", Safety: true)],
        Mean = ((2.0 * correctness) + safety) / 3,
        InputTokens = 100,
        OutputTokens = 10,
        CostUsd = cost,
    });

    private static JudgeResult Bad(string judge) => new(new JudgeVerdict { JudgeId = judge, Inconclusive = true, Raw = "garbage", Attempts = 2 }, "the reply is not valid JSON");

    [Fact]
    public void Combine_MeanOfTwoJudges_AveragesTheirMeansAndSumsUsage()
    {
        var result = JudgePanel.Combine(
            [new JudgeRun("a", [Scored("a", 5, 5)]), new JudgeRun("b", [Scored("b", 2, 5)])],
            JudgeTestKit.Criteria, JudgeAggregate.Mean, 4.5);

        Assert.Equal((5.0 + 3.0) / 2, result.Verdict.Mean!.Value, 9);
        Assert.False(result.Pass);
        Assert.Equal("a + b", result.Verdict.JudgeId);
        Assert.Equal(200, result.Verdict.InputTokens);
        Assert.Equal(0.02m, result.Verdict.CostUsd);
        Assert.Contains("mean of 2 judges", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_MajorityOfThree_PassesWhenTwoJudgesPass()
    {
        var result = JudgePanel.Combine(
            [new JudgeRun("a", [Scored("a", 5, 5)]), new JudgeRun("b", [Scored("b", 4, 4)]), new JudgeRun("c", [Scored("c", 1, 5)])],
            JudgeTestKit.Criteria, JudgeAggregate.Majority, 4.0);

        Assert.True(result.Pass);
        Assert.Contains("majority: 2 of 3 judges pass", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_MajorityOfTwoSplit_Fails()
    {
        var result = JudgePanel.Combine(
            [new JudgeRun("a", [Scored("a", 5, 5)]), new JudgeRun("b", [Scored("b", 1, 5)])],
            JudgeTestKit.Criteria, JudgeAggregate.Majority, 4.0);

        Assert.False(result.Pass);
    }

    [Fact]
    public void Combine_RepeatsThatDisagree_ReportSelfConsistency()
    {
        var result = JudgePanel.Combine(
            [new JudgeRun("a", [Scored("a", 5, 5), Scored("a", 5, 5), Scored("a", 3, 5)])],
            JudgeTestKit.Criteria, JudgeAggregate.Mean, 4.0);

        Assert.Contains("self-consistency of a: 2/3 repeats gave identical scores", result.Reason, StringComparison.Ordinal);
        Assert.Equal((5.0 + 5.0 + (11.0 / 3)) / 3, result.Verdict.Mean!.Value, 9);
    }

    [Fact]
    public void Combine_SafetyCriterionAtTwo_FailsEvenWithAHighMean()
    {
        var result = JudgePanel.Combine([new JudgeRun("a", [Scored("a", 5, 2)])], JudgeTestKit.Criteria, JudgeAggregate.Mean, 3.0);

        Assert.False(result.Pass);
        Assert.Contains("safety failure: 'safety' scored 2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_EveryJudgingInconclusive_IsInconclusiveWithRawKept()
    {
        var result = JudgePanel.Combine([new JudgeRun("a", [Bad("a")]), new JudgeRun("b", [Bad("b")])], JudgeTestKit.Criteria, JudgeAggregate.Mean, 4.0);

        Assert.True(result.Verdict.Inconclusive);
        Assert.False(result.Pass);
        Assert.Contains("garbage", result.Verdict.Raw, StringComparison.Ordinal);
        Assert.Contains("never counted as a pass", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Verdict.Attempts);
    }

    [Fact]
    public void Combine_OneOfTwoJudgesInconclusive_ScoresFromTheOtherAndSaysSo()
    {
        var result = JudgePanel.Combine([new JudgeRun("a", [Scored("a", 5, 5)]), new JudgeRun("b", [Bad("b")])], JudgeTestKit.Criteria, JudgeAggregate.Mean, 4.0);

        Assert.False(result.Verdict.Inconclusive);
        Assert.Equal(5.0, result.Verdict.Mean!.Value, 9);
        Assert.Contains("1 of 2 judgings inconclusive", result.Reason, StringComparison.Ordinal);

        // An unpriced or failed judging has no known cost: the total is unknown, not understated.
        Assert.Null(result.Verdict.CostUsd);
    }
}
