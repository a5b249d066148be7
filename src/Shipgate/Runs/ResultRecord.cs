namespace Shipgate.Runs;

/// <summary>One (case, candidate, repeat) outcome. Written to the store as soon as it lands.</summary>
public sealed record ResultRecord
{
    public required string RunId { get; init; }
    public required string CaseId { get; init; }
    public required string CandidateId { get; init; }
    public required int Repeat { get; init; }

    public string? Output { get; init; }

    /// <summary>The rendered prompt actually sent (system + user), for drill-down.</summary>
    public string? Prompt { get; init; }

    public bool Pass { get; init; }

    /// <summary>Weighted mean of assertion scores, 0-1.</summary>
    public double Score { get; init; }

    public IReadOnlyList<AssertionOutcome> Assertions { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedInputTokens { get; init; }

    /// <summary>True when the provider reported usage; false means counts are 0 because unknown.</summary>
    public bool UsageKnown { get; init; }

    /// <summary>Wall time of the successful attempt, ms (for cached results: of the original call).</summary>
    public double LatencyMs { get; init; }

    /// <summary>USD; null when the candidate has no price.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Provider error after retries, when the call failed.</summary>
    public string? Error { get; init; }

    public bool FromCache { get; init; }
    public int Attempts { get; init; } = 1;
    public required DateTimeOffset CompletedAt { get; init; }

    public string Key => $"{CandidateId}\u001f{CaseId}\u001f{Repeat}";
}
