using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class SeededRandomTests
{
    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);

        var first = Enumerable.Range(0, 50).Select(_ => a.Next(1000)).ToList();
        var second = Enumerable.Range(0, 50).Select(_ => b.Next(1000)).ToList();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 40);
    }

    [Fact]
    public void Next_StaysInRangeAndCoversItEvenly()
    {
        var random = new SeededRandom(7);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[random.Next(10)]++;
        }

        // Each bucket expects 10,000; ±5% is far beyond chance for a uniform generator (sd ≈ 95).
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }
}
