namespace Shipgate.Statistics;

/// <summary>Seeded percentile bootstrap: reproducible intervals for means of bounded scores.</summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;
    public const int DefaultSeed = 20261129;

    public static (double Low, double High) MeanInterval(IReadOnlyList<double> values, double confidence = 0.95, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (values.Count == 1)
        {
            return (values[0], values[0]);
        }

        var random = new SeededRandom((ulong)seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        return (Quantiles.Sorted(means, alpha), Quantiles.Sorted(means, 1 - alpha));
    }

    /// <summary>
    /// Paired percentile bootstrap (Efron and Tibshirani, 1993) for the mean of b[i] - a[i]: whole cases are resampled
    /// with replacement, so the case-to-case correlation between the two runs is kept (far tighter than comparing two
    /// independent intervals). The two-sided p-value is the share of resampled means, shifted to impose "no difference",
    /// at least as far from 0 as the observed mean: (1 + #{|m* - m| ≥ |m|}) / (resamples + 1). Same seed, same result.
    /// Fewer than 10 cases: the bootstrap is optimistic there; prefer <see cref="PairedTests.SignTest(IReadOnlyList{double}, IReadOnlyList{double})"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs differ in length or hold a non-finite value.</exception>
    public static PairedDifferenceResult PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = 0.95, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        var differences = Inputs.Differences(a, b);
        BinomialBounds.ValidateConfidence(confidence);
        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "Use at least one resample; the default is 2000.");
        }

        var n = differences.Length;
        if (n == 0)
        {
            return new PairedDifferenceResult(0, double.NaN, double.NaN, double.NaN, 1, false, confidence, double.NaN);
        }

        var mean = Descriptive.Mean(differences);
        var sd = Descriptive.StandardDeviation(differences);
        if (n == 1)
        {
            // One pair carries no information about noise: report it, claim nothing.
            return new PairedDifferenceResult(1, mean, mean, mean, 1, false, confidence, sd);
        }

        var random = new SeededRandom((ulong)seed);
        var means = new double[resamples];
        var extreme = 0;
        var observed = Math.Abs(mean);
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += differences[random.Next(n)];
            }

            means[r] = sum / n;

            // Under the null-shifted differences d - m, this resample's mean is m* - m.
            if (Math.Abs(means[r] - mean) >= observed - (Inputs.Tolerance * Math.Max(1, observed)))
            {
                extreme++;
            }
        }

        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        var low = Quantiles.Sorted(means, alpha);
        var high = Quantiles.Sorted(means, 1 - alpha);
        var p = (extreme + 1.0) / (resamples + 1.0);
        var significant = p < 1 - confidence && (low > 0 || high < 0);
        return new PairedDifferenceResult(n, mean, low, high, p, significant, confidence, sd);
    }
}
