using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class BinomialBoundsTests
{
    [Fact]
    public void ZeroFailureUpperBound_50CleanCases_Is5Point8Percent()
    {
        // 1 - 0.05^(1/50) = 0.058155: a clean run of 50 cases means "≤ 5.8% failures at 95%", not 0%.
        Assert.Equal(0.058155, BinomialBounds.ZeroFailureUpperBound(50), 6);
        Assert.Equal(0.06, BinomialBounds.RuleOfThree(50), 12);
    }

    [Fact]
    public void UpperBound_ZeroEvents_EqualsTheClosedForm()
    {
        Assert.Equal(BinomialBounds.ZeroFailureUpperBound(50), BinomialBounds.UpperBound(0, 50), 9);
        Assert.Equal(BinomialBounds.ZeroFailureUpperBound(7, 0.99), BinomialBounds.UpperBound(0, 7, 0.99), 9);
    }

    [Fact]
    public void ClopperPearson_ZeroOf50_TwoSidedUpperIs0Point0711()
    {
        // Two-sided 95% puts 2.5% in the upper tail: 1 - 0.025^(1/50) = 0.071122 (the one-sided 95% bound is 0.0582).
        var (low, high) = BinomialBounds.ClopperPearson(0, 50);

        Assert.Equal(0, low);
        Assert.Equal(0.071122, high, 6);
    }

    [Theory]
    [InlineData(5, 20, 0.0866, 0.4910)] // standard exact interval for 5/20
    [InlineData(8, 10, 0.4439, 0.9748)] // as R's binom.test(8, 10) reports
    [InlineData(10, 10, 0.6915, 1.0)] // lower = 0.025^(1/10)
    public void ClopperPearson_PublishedIntervals_MatchTo4Digits(int events, int n, double low, double high)
    {
        var interval = BinomialBounds.ClopperPearson(events, n);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void ClopperPearson_IsSymmetricBetweenEventsAndNonEvents()
    {
        var (low, high) = BinomialBounds.ClopperPearson(3, 17);
        var (mirrorLow, mirrorHigh) = BinomialBounds.ClopperPearson(14, 17);

        Assert.Equal(1 - mirrorHigh, low, 10);
        Assert.Equal(1 - mirrorLow, high, 10);
    }

    [Fact]
    public void ClopperPearson_WidthShrinksWithN()
    {
        var small = BinomialBounds.ClopperPearson(2, 20);
        var large = BinomialBounds.ClopperPearson(20, 200);

        Assert.True(large.High - large.Low < small.High - small.Low);
        Assert.True(BinomialBounds.ZeroFailureUpperBound(100) < BinomialBounds.ZeroFailureUpperBound(50));
    }

    [Fact]
    public void UpperBound_OneSided_IsTighterThanTwoSidedUpper()
    {
        Assert.True(BinomialBounds.UpperBound(5, 20) < BinomialBounds.ClopperPearson(5, 20).High);
        Assert.True(BinomialBounds.LowerBound(5, 20) > BinomialBounds.ClopperPearson(5, 20).Low);
    }

    [Fact]
    public void ClopperPearson_BadCounts_ThrowWithTheRule()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.ClopperPearson(6, 5));
        Assert.Contains("between 0 and the number of cases", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.ClopperPearson(1, 5, 1.0));
    }

    [Theory]
    [InlineData(0.02, 149)]
    [InlineData(0.05, 59)]
    [InlineData(0.01, 299)]
    public void ZeroFailureSampleSize_Budget_IsSmallestCleanRunThatShowsIt(double rate, int expected)
    {
        var n = BinomialBounds.ZeroFailureSampleSize(rate);

        Assert.Equal(expected, n);
        Assert.True(BinomialBounds.ZeroFailureUpperBound(n) <= rate);
        Assert.True(BinomialBounds.ZeroFailureUpperBound(n - 1) > rate);
    }

    [Fact]
    public void ZeroFailureSampleSize_RateOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.ZeroFailureSampleSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialBounds.ZeroFailureSampleSize(1));
    }
}
