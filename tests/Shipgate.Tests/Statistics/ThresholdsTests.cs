using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class ThresholdsTests
{
    [Theory]
    [InlineData(3.9999999999999996, 4.0, true, false)]
    [InlineData(4.0000000000000009, 4.0, true, false)]
    [InlineData(4.0, 4.0, true, false)]
    [InlineData(4.01, 4.0, true, true)]
    [InlineData(3.99, 4.0, false, false)]
    public void AtLeastAndAbove_NoiseCountsAsEqual(double value, double bound, bool atLeast, bool above)
    {
        Assert.Equal(atLeast, Thresholds.AtLeast(value, bound));
        Assert.Equal(above, Thresholds.Above(value, bound));
    }

    [Theory]
    [InlineData(0.05000000000000001, 0.05, true, false)]
    [InlineData(0.04, 0.05, true, true)]
    [InlineData(0.06, 0.05, false, false)]
    public void AtMostAndBelow_NoiseCountsAsEqual(double value, double bound, bool atMost, bool below)
    {
        Assert.Equal(atMost, Thresholds.AtMost(value, bound));
        Assert.Equal(below, Thresholds.Below(value, bound));
    }

    [Fact]
    public void AtLeast_ToleranceIsRelativeToMagnitude()
    {
        // 1e-9 relative: a large value a few units of the last place below still counts; a real gap does not.
        Assert.True(Thresholds.AtLeast(1_000_000 - 1e-6, 1_000_000));
        Assert.False(Thresholds.AtLeast(1_000_000 - 1e-2, 1_000_000));
    }
}
