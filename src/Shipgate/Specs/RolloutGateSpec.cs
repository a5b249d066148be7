namespace Shipgate.Specs;

/// <summary>
/// Thresholds every rollout stage is held to. Null means "derive it": from the ship gate, the risk budget's
/// rollback rate and the cost guardrails (the launch report says which).
/// </summary>
public sealed record RolloutGateSpec
{
    /// <summary>Minimum mean rubric score (1-5) of the online judge's sample.</summary>
    public double? MinRubricMean { get; init; }

    /// <summary>Maximum hallucination rate of the sampled groundedness checks, 0-1.</summary>
    public double? MaxHallucinationRate { get; init; }

    public double? MaxP95LatencyMs { get; init; }

    /// <summary>Maximum mean cost per request, USD.</summary>
    public decimal? MaxCostPerRequest { get; init; }

    /// <summary>Maximum share of requests that end in a provider error, 0-1.</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Maximum share of rated answers that users rated negatively (thumbs down), 0-1.</summary>
    public double? MaxNegativeFeedbackRate { get; init; }
}
