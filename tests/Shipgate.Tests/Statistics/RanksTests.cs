using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class RanksTests
{
    [Fact]
    public void Average_TiesShareTheMeanRank()
    {
        var ranks = Ranks.Average([10.0, 20, 20, 5, 20, 0.1 + 0.2, 0.3], out var ties);

        // Sorted: 0.3, 0.3 (ranks 1, 2 → 1.5), 5 (3), 10 (4), 20 ×3 (5, 6, 7 → 6).
        Assert.Equal([4, 6, 6, 3, 6, 1.5, 1.5], ranks);
        Assert.Equal([2, 3], ties);
    }
}
