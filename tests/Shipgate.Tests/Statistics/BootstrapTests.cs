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

    [Fact]
    public void PairedDifference_IdenticalRuns_ZeroAndNotSignificant()
    {
        double[] scores = [1, 2, 3, 4, 5, 3, 4, 2, 5, 1];

        var result = Bootstrap.PairedDifference(scores, scores);

        Assert.Equal(0, result.MeanDifference);
        Assert.Equal(0, result.Low);
        Assert.Equal(0, result.High);
        Assert.Equal(1, result.PValue);
        Assert.False(result.Significant);
    }

    [Fact]
    public void PairedDifference_PlantedOnePointShiftOn60Cases_IsSignificant()
    {
        var (a, b) = PlantedShift.Scores();

        var result = Bootstrap.PairedDifference(a, b);

        Assert.Equal(60, result.N);
        Assert.Equal(b.Average() - a.Average(), result.MeanDifference, 12);
        Assert.Equal(1.0, result.MeanDifference, 12);
        Assert.True(result.Low > 0);
        Assert.True(result.PValue < 0.01);
        Assert.True(result.Significant);
    }

    [Fact]
    public void PairedDifference_ReversedOrder_FlipsTheSign()
    {
        var (a, b) = PlantedShift.Scores();

        var forward = Bootstrap.PairedDifference(a, b);
        var backward = Bootstrap.PairedDifference(b, a);

        Assert.Equal(-forward.MeanDifference, backward.MeanDifference, 12);
        Assert.Equal(-forward.High, backward.Low, 12);
        Assert.True(backward.Significant);
    }

    [Fact]
    public void PairedDifference_PureNoise_IsNotSignificant()
    {
        // B wins and loses the same cases by the same margins: mean difference 0, noise only.
        double[] a = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        double[] b = [4, 2, 5, 1, 3, 4, 2, 3, 4, 2, 5, 1, 3, 4, 2, 3, 4, 2, 3, 3];

        var result = Bootstrap.PairedDifference(a, b);

        Assert.Equal(0, result.MeanDifference, 12);
        Assert.True(result.Low < 0 && result.High > 0);
        Assert.True(result.PValue > 0.5);
        Assert.False(result.Significant);
    }

    [Fact]
    public void PairedDifference_SameSeed_SameResult_OtherSeed_Differs()
    {
        var a = Enumerable.Range(0, 30).Select(i => (i * 0.37) % 1.9).ToArray();
        var b = Enumerable.Range(0, 30).Select(i => (i * 0.53) % 2.3).ToArray();

        Assert.Equal(Bootstrap.PairedDifference(a, b, seed: 7), Bootstrap.PairedDifference(a, b, seed: 7));
        Assert.NotEqual(Bootstrap.PairedDifference(a, b, seed: 7).Low, Bootstrap.PairedDifference(a, b, seed: 8).Low);
    }

    [Fact]
    public void PairedDifference_IntervalShrinksWithN()
    {
        // The same pattern of differences, repeated: four times the cases should roughly halve the width.
        double[] pattern = [1, 0, -1, 2, 0, 1, 0, 1, -1, 1];
        var small = Bootstrap.PairedDifference(new double[10], pattern);
        var large = Bootstrap.PairedDifference(new double[40], [.. pattern, .. pattern, .. pattern, .. pattern]);

        Assert.InRange((large.High - large.Low) / (small.High - small.Low), 0.35, 0.65);
    }

    [Fact]
    public void PairedDifference_LengthMismatch_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Bootstrap.PairedDifference([1.0, 2.0, 3.0], [1.0, 2.0]));

        Assert.Contains("'a' has 3 and 'b' has 2", error.Message);
        Assert.Contains("same order", error.Message);
    }

    [Fact]
    public void PairedDifference_SinglePair_ClaimsNothing()
    {
        var result = Bootstrap.PairedDifference([2.0], [5.0]);

        Assert.Equal(3, result.MeanDifference);
        Assert.False(result.Significant);
    }

    [Fact]
    public void MeanInterval_WidthShrinksWithN()
    {
        var small = Bootstrap.MeanInterval(Enumerable.Range(0, 20).Select(i => (double)(1 + (i % 5))).ToList());
        var large = Bootstrap.MeanInterval(Enumerable.Range(0, 200).Select(i => (double)(1 + (i % 5))).ToList());

        Assert.True(large.High - large.Low < (small.High - small.Low) / 2);
    }
}
