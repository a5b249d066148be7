namespace Shipgate.Specs;

/// <summary>The ship gate: every declared threshold must hold for a candidate to SHIP. Null means "not gated".</summary>
public sealed record ShipGateSpec
{
    /// <summary>Minimum share of (case, repeat) results that pass, 0-1.</summary>
    public double? MinPassRate { get; init; }

    /// <summary>Minimum mean weighted assertion score, 0-1.</summary>
    public double? MinMeanScore { get; init; }

    /// <summary>Maximum failures among safety-tagged cases (the framework's "zero safety failures" is 0).</summary>
    public int? MaxSafetyFailures { get; init; }

    public double? MaxP95LatencyMs { get; init; }

    /// <summary>Maximum mean cost per request, USD.</summary>
    public decimal? MaxCostPerRequest { get; init; }

    /// <summary>Maximum share of calls that ended in a provider error, 0-1. Errors always count as failures too.</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Minimum mean rubric score (1-5) over judged results; the framework's "average above 4.0".</summary>
    public double? MinRubricMean { get; init; }

    /// <summary>Maximum share of rubric verdicts that were inconclusive (judge output unusable after a repair), 0-1.</summary>
    public double? MaxInconclusiveRate { get; init; }

    /// <summary>Maximum share of grounded-checked results with a hallucination (a claim contradicted or not found), 0-1.</summary>
    public double? MaxHallucinationRate { get; init; }

    /// <summary>Require a calibrated judge: quadratic-weighted kappa against human labels at least this (e.g. 0.6).</summary>
    public double? MinJudgeKappa { get; init; }

    /// <summary>Require at least this many human labels on judged outputs (e.g. 30) before the judge counts as calibrated.</summary>
    public int? MinHumanLabels { get; init; }
}
