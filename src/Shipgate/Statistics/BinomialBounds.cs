namespace Shipgate.Statistics;

/// <summary>
/// Exact bounds on a failure (or success) rate from x events in n cases, so "0 failures in 50 cases" is reported
/// as "at most 5.8% at 95%" rather than "0%".
/// </summary>
public static class BinomialBounds
{
    /// <summary>
    /// One-sided exact upper bound on the true rate after zero events in n trials: the p with (1-p)ⁿ = 1 - confidence,
    /// i.e. 1 - (1 - confidence)^(1/n). 50 clean cases at 95% → 0.0582.
    /// </summary>
    public static double ZeroFailureUpperBound(int n, double confidence = 0.95)
    {
        ValidateConfidence(confidence);
        return n <= 0 ? 1 : 1 - Math.Pow(1 - confidence, 1.0 / n);
    }

    /// <summary>
    /// The smallest n whose zero-event upper bound is at most <paramref name="rate"/>: how many clean checks it takes to
    /// show a rate is under a budget, n = ⌈ln(1 - confidence) / ln(1 - rate)⌉. A 2% budget at 95% needs 149.
    /// </summary>
    public static int ZeroFailureSampleSize(double rate, double confidence = 0.95)
    {
        ValidateConfidence(confidence);
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must be between 0 and 1, exclusive");
        }

        var estimate = Math.Ceiling(Math.Log(1 - confidence) / Math.Log(1 - rate));
        if (estimate >= int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate is too small to show with any suite");
        }

        // The closed form can be off by one either way from floating point: settle it with the bound itself.
        var n = Math.Max(1, (int)estimate);
        while (ZeroFailureUpperBound(n, confidence) > rate)
        {
            n++;
        }

        while (n > 1 && ZeroFailureUpperBound(n - 1, confidence) <= rate)
        {
            n--;
        }

        return n;
    }

    /// <summary>
    /// The "rule of three" (Hanley and Lippman-Hand, 1983): 3/n approximates the one-sided 95% upper bound after zero
    /// events, because -ln(0.05) ≈ 3. 50 clean cases → 0.06. Prefer <see cref="ZeroFailureUpperBound"/>; this is the
    /// number people recognise.
    /// </summary>
    public static double RuleOfThree(int n) => n <= 0 ? 1 : Math.Min(1, 3.0 / n);

    /// <summary>
    /// One-sided exact (Clopper-Pearson) upper bound at <paramref name="confidence"/>: the largest p with
    /// P(X ≤ events | n, p) ≥ 1 - confidence. With 0 events it equals <see cref="ZeroFailureUpperBound"/>.
    /// </summary>
    public static double UpperBound(int events, int n, double confidence = 0.95)
    {
        ValidateCounts(events, n);
        ValidateConfidence(confidence);
        if (n == 0 || events == n)
        {
            return 1;
        }

        var alpha = 1 - confidence;

        // P(X ≤ events | p) falls as p grows; find where it crosses alpha.
        return Bisect(p => Binomial.Cdf(events, n, p) > alpha);
    }

    /// <summary>
    /// One-sided exact (Clopper-Pearson) lower bound at <paramref name="confidence"/>: the smallest p with
    /// P(X ≥ events | n, p) ≥ 1 - confidence.
    /// </summary>
    public static double LowerBound(int events, int n, double confidence = 0.95)
    {
        ValidateCounts(events, n);
        ValidateConfidence(confidence);
        if (n == 0 || events == 0)
        {
            return 0;
        }

        var alpha = 1 - confidence;

        // P(X ≥ events | p) grows with p; find where it crosses alpha.
        return Bisect(p => Binomial.UpperTail(events, n, p) < alpha);
    }

    /// <summary>
    /// Two-sided Clopper-Pearson exact interval (Clopper and Pearson, 1934): each tail gets (1 - confidence)/2, so it
    /// covers the true rate at least <paramref name="confidence"/> of the time. 5/20 at 95% → [0.0866, 0.4910];
    /// 0/50 → [0, 0.0711]. Equivalent to beta quantiles, computed here by bisection on the binomial CDF.
    /// </summary>
    public static (double Low, double High) ClopperPearson(int events, int n, double confidence = 0.95)
    {
        ValidateCounts(events, n);
        ValidateConfidence(confidence);
        var oneSided = 1 - ((1 - confidence) / 2);
        return (LowerBound(events, n, oneSided), UpperBound(events, n, oneSided));
    }

    /// <summary>Finds the boundary on [0, 1] where <paramref name="below"/> turns from true to false, to 1e-12.</summary>
    private static double Bisect(Func<double, bool> below)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 60 && high - low > 1e-13; i++)
        {
            var mid = (low + high) / 2;
            if (below(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    private static void ValidateCounts(int events, int n)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The number of cases cannot be negative.");
        }

        if (events < 0 || events > n)
        {
            throw new ArgumentOutOfRangeException(nameof(events), events, $"The number of events must be between 0 and the number of cases ({n}).");
        }
    }

    internal static void ValidateConfidence(double confidence)
    {
        if (double.IsNaN(confidence) || confidence <= 0 || confidence >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be strictly between 0 and 1, e.g. 0.95.");
        }
    }
}
