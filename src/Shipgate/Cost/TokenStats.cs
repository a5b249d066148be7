namespace Shipgate.Cost;

/// <summary>Tokens per request over a candidate's results: mean, median and 95th percentile.</summary>
public sealed record TokenStats(double Mean, double P50, double P95)
{
    public static TokenStats Of(IReadOnlyList<long> values) =>
        values.Count == 0
            ? new TokenStats(0, 0, 0)
            : new TokenStats(values.Average(v => (double)v), Statistics.Quantiles.Of(values.Select(v => (double)v), 0.5), Statistics.Quantiles.Of(values.Select(v => (double)v), 0.95));
}
