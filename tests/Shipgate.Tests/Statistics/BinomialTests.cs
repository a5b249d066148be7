using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class BinomialTests
{
    [Fact]
    public void Cdf_FairCoin_MatchesCountedOutcomes()
    {
        // P(X ≤ 2 | 10, 1/2) = (1 + 10 + 45) / 1024.
        Assert.Equal(56.0 / 1024, Binomial.Cdf(2, 10, 0.5), 14);
    }

    [Fact]
    public void UpperTail_IsOneMinusCdfBelow()
    {
        Assert.Equal(1 - Binomial.Cdf(6, 30, 0.3), Binomial.UpperTail(7, 30, 0.3), 12);
    }

    [Fact]
    public void Cdf_LargeN_DoesNotUnderflowToNonsense()
    {
        // (1 - p)^n underflows for n = 5000, p = 0.5, yet the median sits at 2500.
        Assert.InRange(Binomial.Cdf(2500, 5000, 0.5), 0.5, 0.52);
    }

    [Fact]
    public void Log1P_SmallX_KeepsDigits()
    {
        // ln(1 + 1e-10) = 1e-10 - 5e-21; Math.Log(1 + 1e-10) is off in the 8th digit because 1 + 1e-10 rounds.
        Assert.InRange(Binomial.Log1P(1e-10) / (1e-10 - 5e-21), 1 - 1e-14, 1 + 1e-14);
    }
}
