namespace Shipgate.Statistics;

/// <summary>
/// Distribution-free tests for two runs scored on the same cases, answering "is B different from A or is it noise?"
/// without assuming normally distributed scores. Differences are always b[i] - a[i].
/// </summary>
public static class PairedTests
{
    /// <summary>Up to this many non-zero differences the Wilcoxon p-value is exact; above, the normal approximation is within about 0.005 of it.</summary>
    public const int WilcoxonExactLimit = 25;

    /// <summary>Exact sign test on paired scores (b - a); see <see cref="SignTest(IReadOnlyList{double})"/>.</summary>
    public static SignTestResult SignTest(IReadOnlyList<double> a, IReadOnlyList<double> b) => SignTest(Inputs.Differences(a, b));

    /// <summary>
    /// Exact two-sided sign test (binomial test of P(positive) = 1/2 on the signs, ties dropped): uses only the
    /// direction of each change, so it is robust to any score scale. p = min(1, 2·P(X ≤ min(pos, neg))), X ~ Bin(n, 1/2).
    /// 8 of 10 positive → p = 0.1094.
    /// </summary>
    public static SignTestResult SignTest(IReadOnlyList<double> differences)
    {
        Inputs.RequireFinite(differences, nameof(differences));
        int positive = 0, negative = 0, ties = 0;
        foreach (var d in differences)
        {
            if (Inputs.NearlyEqual(d, 0))
            {
                ties++;
            }
            else if (d > 0)
            {
                positive++;
            }
            else
            {
                negative++;
            }
        }

        var n = positive + negative;
        var p = n == 0 ? 1 : Math.Min(1, 2 * Binomial.Cdf(Math.Min(positive, negative), n, 0.5));
        return new SignTestResult(positive, negative, ties, n, p);
    }

    /// <summary>Wilcoxon signed-rank test on paired scores (b - a); see <see cref="WilcoxonSignedRank(IReadOnlyList{double})"/>.</summary>
    public static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<double> a, IReadOnlyList<double> b) => WilcoxonSignedRank(Inputs.Differences(a, b));

    /// <summary>
    /// Wilcoxon signed-rank test (Wilcoxon, 1945), two-sided: zero differences are dropped (Wilcoxon's method), the
    /// absolute differences are ranked with average ranks for ties, and W+ is compared with its distribution under
    /// "no difference" (each rank equally likely positive or negative). Uses size as well as direction, so it has more
    /// power than the sign test. Exact (the permutation distribution of W+ given the tied ranks, by dynamic programming
    /// over rank sums) up to <see cref="WilcoxonExactLimit"/> differences; above that the normal approximation with
    /// the tie-corrected variance n(n+1)(2n+1)/24 - Σ(t³ - t)/48 and a continuity correction of 0.5.
    /// </summary>
    public static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<double> differences) =>
        WilcoxonSignedRank(differences, exact: null);

    /// <summary>As <see cref="WilcoxonSignedRank(IReadOnlyList{double})"/>, forcing the exact or approximate p-value (tests compare the two).</summary>
    internal static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<double> differences, bool? exact)
    {
        Inputs.RequireFinite(differences, nameof(differences));
        var nonZero = differences.Where(d => !Inputs.NearlyEqual(d, 0)).ToArray();
        var zeros = differences.Count - nonZero.Length;
        var n = nonZero.Length;
        if (n == 0)
        {
            return new WilcoxonResult(0, 0, 0, zeros, 1, true, double.NaN);
        }

        var ranks = Ranks.Average(nonZero.Select(Math.Abs).ToArray(), out var ties);

        // Average ranks are multiples of 1/2, so doubled ranks are integers and rank sums can index an array.
        var doubled = ranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        var doubledWPlus = 0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                doubledWPlus += doubled[i];
            }
        }

        var wPlus = doubledWPlus / 2.0;
        var wMinus = (n * (n + 1) / 2.0) - wPlus;

        if (exact ?? n <= WilcoxonExactLimit)
        {
            return new WilcoxonResult(wPlus, wMinus, n, zeros, ExactPValue(doubled, doubledWPlus), true, double.NaN);
        }

        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1.0) * ((2 * n) + 1) / 24) - (ties.Sum(t => ((double)t * t * t) - t) / 48);
        var deviation = wPlus - mean;
        var z = Math.Abs(deviation) <= 0.5 || variance <= 0 ? 0 : (deviation - (0.5 * Math.Sign(deviation))) / Math.Sqrt(variance);
        var p = Math.Min(1, 2 * Normal.Cdf(-Math.Abs(z)));
        return new WilcoxonResult(wPlus, wMinus, n, zeros, p, false, z);
    }

    /// <summary>
    /// Exact two-sided p for W+ by counting, over all 2ⁿ sign assignments, how many give each (doubled) rank sum:
    /// p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))).
    /// </summary>
    private static double ExactPValue(int[] doubledRanks, int doubledWPlus)
    {
        var total = doubledRanks.Sum();
        var counts = new double[total + 1];
        counts[0] = 1;
        var reach = 0;
        foreach (var r in doubledRanks)
        {
            // Each rank is either in the positive sum or not; walk downwards so each rank is used once.
            for (var s = reach; s >= 0; s--)
            {
                if (counts[s] != 0)
                {
                    counts[s + r] += counts[s];
                }
            }

            reach += r;
        }

        double all = 0, lower = 0, upper = 0;
        for (var s = 0; s <= total; s++)
        {
            all += counts[s];
            if (s <= doubledWPlus)
            {
                lower += counts[s];
            }

            if (s >= doubledWPlus)
            {
                upper += counts[s];
            }
        }

        return Math.Min(1, 2 * Math.Min(lower, upper) / all);
    }
}
