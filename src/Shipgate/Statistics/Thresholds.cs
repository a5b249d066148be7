namespace Shipgate.Statistics;

/// <summary>
/// The one way to compare a measured value with a threshold, used by the ship gate, per-result thresholds and
/// anything else that prints "≥ 4.00": floating-point noise within <see cref="RelativeTolerance"/> (scaled by the
/// larger magnitude, at least 1) counts as equal, so a mean that is mathematically 4.0 but computed as 3.9999999996
/// reaches ≥ 4.0 and does not clear &gt; 4.0.
/// </summary>
public static class Thresholds
{
    public const double RelativeTolerance = 1e-9;

    /// <summary>Inclusive lower bound: value ≥ min.</summary>
    public static bool AtLeast(double value, double min) => value >= min - Tolerance(value, min);

    /// <summary>Strict lower bound: value &gt; bound (a value equal to the bound within the tolerance does not clear it).</summary>
    public static bool Above(double value, double bound) => value > bound + Tolerance(value, bound);

    /// <summary>Inclusive upper bound: value ≤ max.</summary>
    public static bool AtMost(double value, double max) => value <= max + Tolerance(value, max);

    /// <summary>Strict upper bound: value &lt; bound.</summary>
    public static bool Below(double value, double bound) => value < bound - Tolerance(value, bound);

    private static double Tolerance(double a, double b) => RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
