using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class BootstrapTests
{
    [Fact]
    public void MeanInterval_IsReproducibleAndContainsTheMean()
    {
        var values = Enumerable.Range(0, 40).Select(i => (i % 5) / 4.0).ToList();

        var first = Bootstrap.MeanInterval(values);
        var second = Bootstrap.MeanInterval(values);

        Assert.Equal(first, second);
        Assert.InRange(values.Average(), first.Low, first.High);
        Assert.True(first.High > first.Low);
    }

    [Fact]
    public void MeanInterval_ConstantValues_HasZeroWidth()
    {
        var (low, high) = Bootstrap.MeanInterval([0.7, 0.7, 0.7, 0.7]);

        Assert.Equal(0.7, low, 10);
        Assert.Equal(0.7, high, 10);
    }
}
