using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class RepeatsTests
{
    [Fact]
    public void PerCaseVariance_HandComputed()
    {
        // Case 0: 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, squared deviations sum 32, sample variance 32/7 = 4.571429.
        // Case 1: constant → variance 0. Case 2: one repeat → variance undefined (NaN).
        IReadOnlyList<IReadOnlyList<double>> scores = [[2, 4, 4, 4, 5, 5, 7, 9], [3, 3, 3], [4]];

        var spreads = Repeats.PerCaseVariance(scores);

        Assert.Equal(3, spreads.Count);
        Assert.Equal(5, spreads[0].Mean, 12);
        Assert.Equal(32.0 / 7, spreads[0].Variance, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), spreads[0].StandardDeviation, 12);
        Assert.Equal(2, spreads[0].Min);
        Assert.Equal(9, spreads[0].Max);
        Assert.Equal(0, spreads[1].Variance);
        Assert.Equal(1, spreads[2].Repeats);
        Assert.True(double.IsNaN(spreads[2].Variance));
        Assert.Equal(2, spreads[2].Index);
    }

    [Fact]
    public void PooledWithinCaseVariance_AveragesRepeatedCasesOnly()
    {
        IReadOnlyList<IReadOnlyList<double>> scores = [[1, 3], [2, 2], [5]];

        // Variances 2 and 0; the single-repeat case is left out → 1.
        Assert.Equal(1, Repeats.PooledWithinCaseVariance(Repeats.PerCaseVariance(scores)), 12);
    }

    [Fact]
    public void Flaky_ListsCasesWhoseVerdictChanged()
    {
        IReadOnlyList<IReadOnlyList<bool>> verdicts = [[true, true, true], [true, false, true], [false, false], [false, true], [true]];

        Assert.Equal([1, 3], Repeats.Flaky(verdicts));
    }

    [Fact]
    public void Flaky_WorksWithAnyVerdictType()
    {
        IReadOnlyList<IReadOnlyList<string>> verdicts = [["pass", "inconclusive"], ["fail", "fail"]];

        Assert.Equal([0], Repeats.Flaky(verdicts));
    }
}
