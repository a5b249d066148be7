namespace Shipgate.Statistics;

/// <summary>Argument checks with messages that say what is wrong and what to pass instead.</summary>
internal static class Inputs
{
    /// <summary>Two scores are treated as equal (a tie, or a zero difference) within this relative tolerance, so 0.1 + 0.2 ties with 0.3.</summary>
    public const double Tolerance = 1e-9;

    public static bool NearlyEqual(double x, double y) => Math.Abs(x - y) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    public static void RequireSameLength<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b, string nameA, string nameB)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException(
                $"Paired inputs must have one value per case in both: '{nameA}' has {a.Count} and '{nameB}' has {b.Count}. Pass the same cases, in the same order, to both.",
                nameB);
        }
    }

    public static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"'{name}'[{i}] is {values[i]}; every value must be a finite number. Leave out inconclusive cases before computing statistics.",
                    name);
            }
        }
    }

    /// <summary>b[i] - a[i] for each pair, after checking lengths and finiteness.</summary>
    public static double[] Differences(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        RequireSameLength(a, b, nameof(a), nameof(b));
        RequireFinite(a, nameof(a));
        RequireFinite(b, nameof(b));
        var differences = new double[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            differences[i] = b[i] - a[i];
        }

        return differences;
    }
}
