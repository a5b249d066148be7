namespace Shipgate.Runs;

/// <summary>What a judge said about one output, with its own usage so judge cost never mixes with the candidate's.</summary>
public sealed record JudgeVerdict
{
    /// <summary>Provider id of the judge, e.g. <c>openai:gpt-4o</c> or <c>local:reference</c>.</summary>
    public required string JudgeId { get; init; }

    /// <summary>True for offline reference-based stand-ins (local:reference); every output labels them.</summary>
    public bool ReferenceBased { get; init; }

    public IReadOnlyList<CriterionScore> Criteria { get; init; } = [];

    /// <summary>Weighted mean of criterion scores on the 1-5 scale; null when inconclusive.</summary>
    public double? Mean { get; init; }

    public bool Inconclusive { get; init; }

    /// <summary>The judge's raw text, kept when it could not be parsed.</summary>
    public string? Raw { get; init; }

    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public decimal? CostUsd { get; init; }
    public double LatencyMs { get; init; }
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Served from the judge cache: <see cref="CostUsd"/> is what the verdict cost when it was paid, not new spend.
    /// </summary>
    public bool FromCache { get; init; }

    /// <summary>The part of <see cref="CostUsd"/> served from the judge cache (a panel can mix cached and fresh judgings).</summary>
    public decimal CachedCostUsd { get; init; }

    /// <summary>What this verdict cost in this run: zero when it came from the cache; null when the judge's price is unknown.</summary>
    public decimal? NewCostUsd => CostUsd is { } cost ? cost - CachedCostUsd : null;
}
