namespace Shipgate.Statistics;

/// <summary>Ranking with ties, as rank tests (Wilcoxon) and rank correlation (Spearman) need it.</summary>
internal static class Ranks
{
    /// <summary>
    /// 1-based ranks where tied values share the average of the ranks they span ("mid-ranks"), plus the size of each
    /// tie group (for variance corrections). Values within <see cref="Inputs.Tolerance"/> count as tied.
    /// </summary>
    public static double[] Average(IReadOnlyList<double> values, out List<int> tieGroupSizes)
    {
        var order = new int[values.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => values[x].CompareTo(values[y]));
        var ranks = new double[values.Count];
        tieGroupSizes = [];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && Inputs.NearlyEqual(values[order[end + 1]], values[order[start]]))
            {
                end++;
            }

            // Positions start..end (0-based) hold ranks start+1..end+1; their average is (start + end) / 2 + 1.
            var rank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            if (end > start)
            {
                tieGroupSizes.Add(end - start + 1);
            }

            start = end + 1;
        }

        return ranks;
    }

    public static double[] Average(IReadOnlyList<double> values) => Average(values, out _);
}
