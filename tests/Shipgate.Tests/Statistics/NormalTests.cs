using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class NormalTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021048517795)] // Φ(1.96), standard table value 0.9750
    [InlineData(-3.0, 0.0013498980316300957)] // lower tail, table value 0.00135
    [InlineData(1.0, 0.8413447460685429)]
    public void Cdf_KnownValues_MatchTablesTo12Digits(double x, double expected)
    {
        Assert.Equal(expected, Normal.Cdf(x), 12);
    }

    [Fact]
    public void Cdf_FarTail_KeepsRelativePrecision()
    {
        // Φ(-8) = 6.22096057427178e-16; forming 1 - Φ(8) by subtraction would give 0.
        var tail = Normal.Cdf(-8);

        Assert.InRange(tail / 6.220960574271819e-16, 1 - 1e-10, 1 + 1e-10);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(1e-10, -6.361340902404056)] // deep lower tail (Acklam's low region)
    public void Quantile_KnownValues_MatchTo12Digits(double p, double expected)
    {
        Assert.Equal(expected, Normal.Quantile(p), 12);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.99999)]
    public void Quantile_IsTheInverseOfCdf(double p)
    {
        Assert.Equal(p, Normal.Cdf(Normal.Quantile(p)), 14);
    }

    [Fact]
    public void Quantile_OutsideZeroOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(1.5));
        Assert.Equal(double.PositiveInfinity, Normal.Quantile(1));
    }

    [Fact]
    public void Cdf_Infinities_AreZeroAndOne()
    {
        Assert.Equal(0, Normal.Cdf(double.NegativeInfinity));
        Assert.Equal(1, Normal.Cdf(double.PositiveInfinity));
        Assert.Equal(0, Normal.Cdf(-40));
    }

    [Fact]
    public void Quantile_ExtremeTail_StaysFinite()
    {
        var x = Normal.Quantile(1e-310);

        Assert.True(double.IsFinite(x));
        Assert.InRange(x, -38, -37);
    }
}
