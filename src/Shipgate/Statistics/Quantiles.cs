namespace Shipgate.Statistics;

/// <summary>Percentiles by linear interpolation between closest ranks (the common "type 7" definition).</summary>
public static class Quantiles
{
    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return Sorted(sorted, q);
    }

    public static double Sorted(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
