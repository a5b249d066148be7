using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class QuantilesTests
{
    [Fact]
    public void Of_InterpolatesBetweenRanks()
    {
        double[] values = [10, 20, 30, 40, 50];

        Assert.Equal(30, Quantiles.Of(values, 0.5));
        Assert.Equal(48, Quantiles.Of(values, 0.95), 6);
        Assert.Equal(10, Quantiles.Of(values, 0));
    }
}
