using Shipgate.Statistics;

namespace Shipgate.Risk;

/// <summary>
/// How many checked answers a budget needs. A clean run of n gives the exact one-sided 95% upper bound
/// 1 - 0.05^(1/n) (<see cref="BinomialBounds.ZeroFailureUpperBound"/>), so showing a rate ≤ b needs the smallest n
/// with that bound ≤ b, i.e. n ≥ ln(0.05) / ln(1 - b).
/// </summary>
public static class BudgetMath
{
    /// <summary>Searches stop here: beyond a million checked answers the answer is "more than a suite can hold".</summary>
    public const int MaxCases = 1_000_000;

    /// <summary>
    /// Smallest n whose zero-failure 95% upper bound is ≤ <paramref name="maxRate"/>: 2% → 149, 5% → 59, 1% → 299.
    /// Null when no n can show it (a budget of 0) or it would take more than <see cref="MaxCases"/>.
    /// </summary>
    public static int? CasesNeededWithZeroFailures(double maxRate, double confidence = 0.95)
    {
        if (maxRate <= 0)
        {
            return null;
        }

        if (maxRate >= 1)
        {
            return 1;
        }

        if (Math.Log(1 - confidence) / Math.Log(1 - maxRate) > MaxCases + 1)
        {
            return null;
        }

        var n = BinomialBounds.ZeroFailureSampleSize(maxRate, confidence);
        return n > MaxCases ? null : n;
    }

    /// <summary>
    /// Smallest n at which an observed rate of <paramref name="rate"/> (rounded up to whole hallucinations) would have
    /// its Wilson 95% upper end ≤ <paramref name="maxRate"/>; null when the rate is not below the budget or it would take
    /// more than <see cref="MaxCases"/>. The same test places the rollback window (<see cref="RollbackWindow"/>).
    /// </summary>
    public static int? CasesNeededAtRate(double rate, double maxRate)
    {
        if (rate < 0 || rate >= maxRate)
        {
            return null;
        }

        // Wilson's upper end at a fixed rate falls roughly like 1/√n: double to find a bracket, then bisect.
        int low = 1, high = 1;
        while (!Clears(rate, maxRate, high))
        {
            if (high >= MaxCases)
            {
                return null;
            }

            low = high;
            high = Math.Min(MaxCases, high * 2);
        }

        // Rounding the count up makes the curve jagged; scan the last stretch so the answer is the first n that clears.
        var start = Math.Max(1, low - 1);
        for (var n = start; n <= high; n++)
        {
            if (Clears(rate, maxRate, n))
            {
                return n;
            }
        }

        return high;
    }

    /// <summary>
    /// Checked production answers per rollback window: the smallest window in which a feature running exactly at its
    /// budget shows a rate whose 95% upper end stays ≤ <paramref name="rollbackAt"/>, so a window over the trigger is a
    /// signal, not noise. Null when the trigger equals the budget (no window separates them).
    /// </summary>
    public static int? RollbackWindow(double maxRate, double rollbackAt) => CasesNeededAtRate(maxRate, rollbackAt);

    private static bool Clears(double rate, double maxRate, int n)
    {
        var events = (int)Math.Ceiling((rate * n) - 1e-9);
        return Proportion.Wilson(events, n).High <= maxRate;
    }
}
