using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class DescriptiveTests
{
    [Fact]
    public void Variance_IsTheSampleVariance()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9]; // population variance 4, sample variance 32/7

        Assert.Equal(5, Descriptive.Mean(values), 12);
        Assert.Equal(32.0 / 7, Descriptive.Variance(values), 12);
    }

    [Fact]
    public void Variance_FewerThanTwoValues_IsNaN()
    {
        Assert.True(double.IsNaN(Descriptive.Variance([3.0])));
        Assert.True(double.IsNaN(Descriptive.Mean([])));
    }
}
