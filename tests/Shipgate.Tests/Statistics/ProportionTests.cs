using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class ProportionTests
{
    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)] // Wilson score interval, textbook example (Newcombe 1998 style tables)
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Wilson_KnownValues(int successes, int n, double low, double high)
    {
        var (l, h) = Proportion.Wilson(successes, n);

        Assert.Equal(low, l, 3);
        Assert.Equal(high, h, 3);
    }

    [Fact]
    public void Wilson_WidthShrinksWithN()
    {
        var (l1, h1) = Proportion.Wilson(9, 10);
        var (l2, h2) = Proportion.Wilson(90, 100);

        Assert.True(h2 - l2 < h1 - l1);
    }
}
