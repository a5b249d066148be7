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
}
