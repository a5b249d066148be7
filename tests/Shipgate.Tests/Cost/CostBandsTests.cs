using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class CostBandsTests
{
    [Theory]
    [InlineData("0", CostBand.HealthyLow)]
    [InlineData("0.0499", CostBand.HealthyLow)]
    [InlineData("0.05", CostBand.Healthy)]
    [InlineData("0.15", CostBand.Healthy)]
    [InlineData("0.1501", CostBand.Watch)]
    [InlineData("0.20", CostBand.Watch)]
    [InlineData("0.2001", CostBand.Problem)]
    [InlineData("1.5", CostBand.Problem)]
    public void Of_ShareAtAndAroundBoundaries_PicksTheFrameworkBand(string share, CostBand expected) =>
        Assert.Equal(expected, CostBands.Of(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));
}
