using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class CorrelationTests
{
    [Fact]
    public void Spearman_IqAndTelevisionHours_IsMinus0Point1758()
    {
        // The 10-person example from Wikipedia's "Spearman's rank correlation coefficient" article:
        // Σd² = 194, ρ = 1 - 6·194 / (10·(10² - 1)) = -29/165 = -0.175758.
        double[] iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
        double[] hoursOfTv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

        Assert.Equal(-29.0 / 165, Correlation.Spearman(iq, hoursOfTv), 12);
    }

    [Fact]
    public void Spearman_MonotonicButNotLinear_IsOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [1, 4, 9, 16, 1000];

        Assert.Equal(1, Correlation.Spearman(x, y), 12);
        Assert.True(Correlation.Pearson(x, y) < 0.9);
    }

    [Fact]
    public void Pearson_HandComputed()
    {
        // x = 1, 2, 3; y = 2, 4, 5: Sxy = 3, Sxx = 2, Syy = 4.667 → r = 3/√9.333 = 0.981981.
        Assert.Equal(0.981981, Correlation.Pearson([1.0, 2, 3], [2.0, 4, 5]), 6);
    }

    [Fact]
    public void Spearman_ConstantSide_IsUndefined()
    {
        Assert.True(double.IsNaN(Correlation.Spearman([3.0, 3, 3], [1.0, 2, 3])));
    }
}
