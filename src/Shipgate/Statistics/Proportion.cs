namespace Shipgate.Statistics;

/// <summary>Confidence intervals for a share of successes.</summary>
public static class Proportion
{
    /// <summary>
    /// Wilson score interval (95% by default). Unlike the normal approximation it stays inside [0, 1]
    /// and is honest at 0/n and n/n, which is where small suites live.
    /// </summary>
    public static (double Low, double High) Wilson(int successes, int n, double z = 1.959963984540054)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
