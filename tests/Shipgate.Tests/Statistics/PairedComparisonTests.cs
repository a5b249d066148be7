using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class PairedComparisonTests
{
    [Fact]
    public void Compare_PlantedShift_IsAnImprovement_AndReversedARegression()
    {
        var (a, b) = PlantedShift.Scores();

        var forward = PairedComparison.Compare(a, b);
        var backward = PairedComparison.Compare(b, a);

        Assert.Equal(ComparisonVerdict.Improvement, forward.Verdict);
        Assert.Equal(ComparisonVerdict.Regression, backward.Verdict);
        Assert.True(forward.Sign.PValue < 0.01);
        Assert.True(forward.Wilcoxon.PValue < 0.01);
        Assert.True(forward.MinimumDetectableDifference < 1.0); // the suite can see a 1-point change
    }

    [Fact]
    public void Compare_IdenticalRuns_NoSignificantDifference()
    {
        double[] scores = [1, 2, 3, 4, 5, 3, 4, 2, 5, 1];

        var result = PairedComparison.Compare(scores, scores);

        Assert.Equal(ComparisonVerdict.NoSignificantDifference, result.Verdict);
        Assert.Equal(0, result.Difference.MeanDifference);
        Assert.Equal(0, result.MinimumDetectableDifference); // no noise at all
    }

    [Fact]
    public void Compare_ThreeCasesAllBetter_BootstrapAloneWouldClaimIt_ButTheVerdictDoesNot()
    {
        // Three +1 differences: every bootstrap resample has mean 1, yet the exact Wilcoxon p is 2/8 = 0.25.
        var result = PairedComparison.Compare([3.0, 3, 3], [4.0, 4, 4]);

        Assert.True(result.Difference.Significant);
        Assert.Equal(0.25, result.Wilcoxon.PValue, 12);
        Assert.Equal(ComparisonVerdict.NoSignificantDifference, result.Verdict);
    }
}
