using Shipgate.Calibration;
using Shipgate.Statistics;

namespace Shipgate.Tests.Calibration;

public sealed class CalibrationStatusTests
{
    private static CriterionAgreement Agreeing(string criterion, int n, string judge = "openai:judge")
    {
        // Perfect agreement across the scale: kappa 1.
        int[] scores = [.. Enumerable.Range(0, n).Select(i => 1 + (i % 5))];
        return new CriterionAgreement(criterion, judge, Agreement.Summarize(scores, scores));
    }

    [Fact]
    public void Statement_EveryCriterionMeetsTheRules_Calibrated()
    {
        var status = new CalibrationStatus(40, [Agreeing("overall", 40)], 0);

        Assert.StartsWith("calibrated: quadratic κ 1.00", status.Statement(), StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_TwelvePerfectLabelsOnOneCriterion_NamesTheCriterionAndTheRuleThatFailed()
    {
        // 40 labels on 'overall' pass on their own; 12 perfectly agreeing ones on 'safety' are too few to count.
        var status = new CalibrationStatus(52, [Agreeing("overall", 40), Agreeing("safety", 12)], 0);

        var statement = status.Statement();

        Assert.False(status.Calibrated());
        Assert.StartsWith("uncalibrated: criterion 'safety' has 12 labels < 30 required", statement, StringComparison.Ordinal);
        Assert.Contains("on 12 labels (safety)", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_KappaBelowTheMinimum_NamesTheKappaRule()
    {
        int[] judge = [.. Enumerable.Range(0, 40).Select(i => 1 + (i % 5))];
        int[] human = [.. judge.Select(s => 6 - s)];
        var status = new CalibrationStatus(40, [new CriterionAgreement("tone", "openai:judge", Agreement.Summarize(judge, human))], 0);

        Assert.Matches(@"^uncalibrated: criterion 'tone' has quadratic κ -\d\.\d\d < 0\.60 required", status.Statement());
    }
}
