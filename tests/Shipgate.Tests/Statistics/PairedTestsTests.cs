using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class PairedTestsTests
{
    [Fact]
    public void SignTest_8Of10Positive_TwoSidedPIs0Point1094()
    {
        // 2 · P(X ≤ 2 | 10, 1/2) = 2 · (1 + 10 + 45) / 1024 = 0.109375.
        double[] differences = [1, 2, 1, 1, 3, 1, 1, 2, -1, -2];

        var result = PairedTests.SignTest(differences);

        Assert.Equal(8, result.Positive);
        Assert.Equal(2, result.Negative);
        Assert.Equal(10, result.N);
        Assert.Equal(0.109375, result.PValue, 10);
    }

    [Fact]
    public void SignTest_TiesAreDropped()
    {
        double[] a = [3, 3, 3, 3, 3];
        double[] b = [4, 3, 3, 2, 3.0000000000001];

        var result = PairedTests.SignTest(a, b);

        Assert.Equal(3, result.Ties); // 3 vs 3.0000000000001 is a rounding tie, not a win
        Assert.Equal(2, result.N);
        Assert.Equal(1, result.PValue, 12);
    }

    [Fact]
    public void WilcoxonSignedRank_N10WithoutTies_TEquals8_ExactPIs0Point0488()
    {
        // Ranks 1..10; negatives hold ranks 1, 2 and 5, so W- = T = 8 and W+ = 47. Exactly 25 of the 1024 sign
        // patterns give a rank sum ≤ 8, so two-sided p = 2 · 25/1024 = 0.048828 (the tabled critical value of T for
        // n = 10 at two-sided 0.05 is 8).
        double[] differences = [-0.5, -1.0, 1.5, 2.0, -2.5, 3.0, 3.5, 4.0, 4.5, 5.0];

        var result = PairedTests.WilcoxonSignedRank(differences);

        Assert.Equal(47, result.WPlus);
        Assert.Equal(8, result.WMinus);
        Assert.Equal(8, result.Statistic);
        Assert.Equal(10, result.N);
        Assert.True(result.Exact);
        Assert.Equal(0.048828125, result.PValue, 10);
    }

    [Fact]
    public void WilcoxonSignedRank_WikipediaExample_WithZeroAndTies()
    {
        // The 10-pair example from Wikipedia's "Wilcoxon signed-rank test" article: differences
        // 15, -7, 5, 20, 0, -9, 17, -12, 5, -10 (x1 - x2). The zero is dropped (N = 9); the two 5s share rank 1.5.
        // W+ = 1.5 + 1.5 + 7 + 8 + 9 = 27 (for x1 - x2), W- = 18; the signed-rank sum W = 9 as in the article.
        // Exact conditional p (all 512 sign patterns over ranks 1.5, 1.5, 3..9): 2 · 162/512 = 0.6328125.
        double[] x1 = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
        double[] x2 = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];

        // Differences are b - a, so pass x2 as a and x1 as b to get x1 - x2.
        var result = PairedTests.WilcoxonSignedRank(x2, x1);

        Assert.Equal(9, result.N);
        Assert.Equal(1, result.ZerosDropped);
        Assert.Equal(27, result.WPlus);
        Assert.Equal(18, result.WMinus);
        Assert.Equal(0.6328125, result.PValue, 10);
    }

    [Fact]
    public void WilcoxonSignedRank_NormalApproximation_IsCloseToExactAt30()
    {
        var differences = Enumerable.Range(1, 30).Select(i => i % 3 == 0 ? -(double)i : i).ToArray();

        var exact = PairedTests.WilcoxonSignedRank(differences, exact: true);
        var approximate = PairedTests.WilcoxonSignedRank(differences, exact: false);
        var automatic = PairedTests.WilcoxonSignedRank(differences);

        Assert.False(automatic.Exact);
        Assert.Equal(approximate.PValue, automatic.PValue, 14);
        // Exact p = 0.17060 (DP over the 2^30 sign patterns), approximation 0.16818 (z = 1.3781).
        Assert.Equal(0.170598, exact.PValue, 6);
        Assert.Equal(0.168179, approximate.PValue, 6);
    }

    [Fact]
    public void WilcoxonSignedRank_NormalApproximation_HandComputedZ()
    {
        // 30 differences 1..30, ranks 1..30; negatives at 1, 2, 3 → W+ = 465 - 6 = 459. Mean 232.5,
        // variance 30·31·61/24 = 2363.75, z = (459 - 232.5 - 0.5) / √2363.75 = 226 / 48.6184 = 4.6484.
        var differences = Enumerable.Range(1, 30).Select(i => i <= 3 ? -(double)i : i).ToArray();

        var result = PairedTests.WilcoxonSignedRank(differences);

        Assert.Equal(459, result.WPlus);
        Assert.Equal(4.6484, result.Z, 4);
        Assert.Equal(2 * Normal.Cdf(-result.Z), result.PValue, 14);
    }

    [Fact]
    public void Paired_IdenticalRuns_AreNotSignificant()
    {
        double[] scores = [1, 2, 3, 4, 5, 3, 4, 2];

        Assert.Equal(1, PairedTests.SignTest(scores, scores).PValue);
        var wilcoxon = PairedTests.WilcoxonSignedRank(scores, scores);
        Assert.Equal(1, wilcoxon.PValue);
        Assert.Equal(0, wilcoxon.N);
        Assert.Equal(8, wilcoxon.ZerosDropped);
    }

    [Fact]
    public void Paired_PlantedOnePointShiftOn60Cases_IsSignificant()
    {
        var (a, b) = PlantedShift.Scores();

        Assert.True(PairedTests.SignTest(a, b).PValue < 0.01);
        var wilcoxon = PairedTests.WilcoxonSignedRank(a, b);
        Assert.False(wilcoxon.Exact);
        Assert.True(wilcoxon.PValue < 0.01);
        Assert.True(wilcoxon.WPlus > wilcoxon.WMinus);
    }

    [Fact]
    public void Paired_LengthMismatch_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedTests.WilcoxonSignedRank([1.0, 2.0], [1.0]));

        Assert.Contains("'a' has 2 and 'b' has 1", error.Message);
    }

    [Fact]
    public void Paired_NaNScore_ThrowsSayingWhichOne()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedTests.SignTest([1.0, double.NaN], [1.0, 2.0]));

        Assert.Contains("'a'[1]", error.Message);
    }

    [Theory]
    [InlineData(new double[] { 1, -1, 2, 2, -2, 3, 3, 3 })]
    [InlineData(new double[] { 0.5, 1.5, -1.5, 4, -4, 4, 7, -0.5, 2 })]
    [InlineData(new double[] { -1, -2, -3, 1 })]
    public void WilcoxonSignedRank_Exact_MatchesBruteForceOverAllSignPatterns(double[] differences)
    {
        // Independent check of the rank-sum DP: enumerate every assignment of signs to the (average) ranks.
        var absolute = differences.Select(Math.Abs).ToArray();
        var ranks = absolute.Select(v => (absolute.Count(w => w < v) + 1 + absolute.Count(w => w <= v)) / 2.0).ToArray();
        var observed = ranks.Where((_, i) => differences[i] > 0).Sum();
        int lower = 0, upper = 0, total = 1 << ranks.Length;
        for (var pattern = 0; pattern < total; pattern++)
        {
            var sum = ranks.Where((_, i) => ((pattern >> i) & 1) == 1).Sum();
            lower += sum <= observed + 1e-9 ? 1 : 0;
            upper += sum >= observed - 1e-9 ? 1 : 0;
        }

        var expected = Math.Min(1, 2.0 * Math.Min(lower, upper) / total);

        var result = PairedTests.WilcoxonSignedRank(differences);

        Assert.Equal(observed, result.WPlus, 12);
        Assert.Equal(expected, result.PValue, 12);
    }
}
