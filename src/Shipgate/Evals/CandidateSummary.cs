namespace Shipgate.Evals;

/// <summary>Everything measured for one candidate in one run, and its verdict.</summary>
public sealed record CandidateSummary
{
    public required string CandidateId { get; init; }
    public required string Provider { get; init; }

    /// <summary>True for offline stand-ins (local:*); every output labels them.</summary>
    public bool OfflineStandIn { get; init; }

    public int Total { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Errors { get; init; }
    public double PassRate { get; init; }
    public Interval PassRateCi { get; init; }
    public double MeanScore { get; init; }
    public Interval MeanScoreCi { get; init; }
    public int SafetyCases { get; init; }
    public int SafetyFailures { get; init; }
    public double P50LatencyMs { get; init; }
    public double P95LatencyMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedInputTokens { get; init; }

    /// <summary>Null when the candidate has no price (cost unknown, not zero).</summary>
    public decimal? TotalCostUsd { get; init; }
    public decimal? CostPerRequestUsd { get; init; }
    public int FromCache { get; init; }
    public required GateVerdict Verdict { get; init; }
}
