using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class PowerTests
{
    [Fact]
    public void MinimumDetectableDifference_50CasesSd1_Is0Point396()
    {
        // (1.959964 + 0.841621) · 1 / √50 = 2.801585 / 7.071068 = 0.396204.
        Assert.Equal(0.396204, Power.MinimumDetectableDifference(50, 1.0), 6);
    }

    [Fact]
    public void MinimumDetectableDifference_ShrinksAsNGrows()
    {
        var at25 = Power.MinimumDetectableDifference(25, 0.8);
        var at100 = Power.MinimumDetectableDifference(100, 0.8);

        Assert.True(at100 < at25);
        Assert.Equal(0.5, at100 / at25, 12); // 1/√n: four times the cases, half the MDE
    }

    [Fact]
    public void RequiredSampleSize_HalfPointWithSd1_Is32()
    {
        // (2.801585 / 0.5)² = 31.396 → 32 paired cases.
        Assert.Equal(32, Power.RequiredSampleSize(0.5, 1.0));
    }

    [Fact]
    public void RequiredSampleSize_AndMde_AreInverse()
    {
        var n = Power.RequiredSampleSize(0.3, 1.2);

        Assert.True(Power.MinimumDetectableDifference(n, 1.2) <= 0.3);
        Assert.True(Power.MinimumDetectableDifference(n - 1, 1.2) > 0.3);
        Assert.InRange(Power.Achieved(n, 1.2, 0.3), 0.8, 0.81);
    }

    [Fact]
    public void Achieved_AtTheMde_IsTheRequestedPower()
    {
        var mde = Power.MinimumDetectableDifference(40, 1.0, alpha: 0.05, power: 0.9);

        Assert.Equal(0.9, Power.Achieved(40, 1.0, mde), 10);
    }

    [Fact]
    public void RequiredSampleSize_ZeroDifference_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Power.RequiredSampleSize(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Power.MinimumDetectableDifference(10, 1, alpha: 0));
    }
}
