namespace Shipgate.Evals.Assertions;

/// <summary>Graded scores and wording for the bounded assertions (length, latency, cost).</summary>
internal static class Bounds
{
    /// <summary>The share <paramref name="part"/>/<paramref name="whole"/>, 0-1; the graded score of a value out of bounds.</summary>
    public static double Ratio(double part, double whole) =>
        whole <= 0 ? 0 : Math.Clamp(part / whole, 0, 1);

    public static string Describe(double? min, double? max, Func<double, string> format) => (min, max) switch
    {
        ({ } lo, { } hi) => $"[{format(lo)}, {format(hi)}]",
        ({ } lo, null) => $"min {format(lo)}",
        (null, { } hi) => $"max {format(hi)}",
        _ => "no bounds",
    };
}
