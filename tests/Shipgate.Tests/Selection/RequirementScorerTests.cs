using Shipgate.Selection;

namespace Shipgate.Tests.Selection;

public sealed class RequirementScorerTests
{
    [Theory]
    // exactly at the bar, best elsewhere: bar part 1, relative part 0 — half, not 0
    [InlineData(4.0, 4.0, 1.0, 4.5, false, 0.5)]
    // the best itself
    [InlineData(4.5, 4.0, 1.0, 4.5, false, 1.0)]
    // halfway between the bar and the best: (1 + 0.5) / 2
    [InlineData(4.25, 4.0, 1.0, 4.5, false, 0.75)]
    // below the bar: bar part (3 - 1) / (4 - 1), relative part 0
    [InlineData(3.0, 4.0, 1.0, 4.5, false, 1.0 / 3)]
    // within noise of the best: scored as the best
    [InlineData(4.0, 4.0, 1.0, 4.5, true, 1.0)]
    // no bar (bar = bottom of the scale): relative part 0.45 / 0.9
    [InlineData(0.45, 0.0, 0.0, 0.9, false, 0.75)]
    public void Quality_AveragesBarAndRelativeParts(double value, double bar, double scaleMin, double best, bool tied, double expected) =>
        Assert.Equal(expected, RequirementScorer.Quality(value, bar, scaleMin, best, tied), 9);

    [Theory]
    // at target, best: (1 + 1) / 2
    [InlineData(1000, 2000, 1000, 1.0)]
    // under target, twice the best: (1 + 0.5) / 2
    [InlineData(1500, 2000, 750, 0.75)]
    // 50% over target: target part 0.5; best / value = 1000 / 3000
    [InlineData(3000, 2000, 1000, (0.5 + (1.0 / 3)) / 2)]
    // twice the target or more: target part 0
    [InlineData(5000, 2000, 5000, 0.5)]
    // free: relative part 1
    [InlineData(0, 0.002, 0, 1.0)]
    public void LowerIsBetter_AveragesTargetAndRelativeParts(double value, double target, double best, double expected) =>
        Assert.Equal(expected, RequirementScorer.LowerIsBetter(value, target, best), 9);

    [Fact]
    public void Share_CountsPassingChecks()
    {
        Assert.Equal(2.0 / 3, RequirementScorer.Share(2, 3), 9);
        Assert.Equal(1.0, RequirementScorer.Share(0, 0));
    }

    [Fact]
    public void Coverage_IsCappedAtOne()
    {
        Assert.Equal(0.5, RequirementScorer.Coverage(8000, 16000));
        Assert.Equal(1.0, RequirementScorer.Coverage(128000, 16000));
    }
}
