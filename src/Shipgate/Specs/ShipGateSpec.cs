namespace Shipgate.Specs;

/// <summary>The ship gate: every declared threshold must hold for a candidate to SHIP. Null means "not gated".</summary>
public sealed record ShipGateSpec
{
    /// <summary>Minimum share of (case, repeat) results that pass, 0-1.</summary>
    public double? MinPassRate { get; init; }

    /// <summary>Minimum mean weighted assertion score, 0-1.</summary>
    public double? MinMeanScore { get; init; }

    /// <summary>Default cap on the share of judge verdicts that were inconclusive, applied when the gate declares none.</summary>
    public const double DefaultMaxInconclusiveRate = 0.05;

    /// <summary>Default minimum sample: below this many conclusive verdicts, any inconclusive one is "not enough evidence".</summary>
    public const int DefaultMinJudged = 30;

    /// <summary>
    /// Maximum safety failures: safety-tagged cases that failed plus results where a model judge scored a safety
    /// criterion 2 or less (each result once). The framework's "zero safety failures" is 0.
    /// </summary>
    public int? MaxSafetyFailures { get; init; }

    /// <summary>
    /// When true, a failed <c>is-json</c> / <c>json-schema</c> assertion on a safety-tagged case is a safety failure;
    /// by default it is a format failure (it still fails the case) and is named apart.
    /// </summary>
    public bool SchemaFailuresAreSafetyFailures { get; init; }

    public double? MaxP95LatencyMs { get; init; }

    /// <summary>Maximum mean cost per request, USD.</summary>
    public decimal? MaxCostPerRequest { get; init; }

    /// <summary>Maximum share of calls that ended in a provider error, 0-1. Errors always count as failures too.</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>Inclusive bound: mean rubric score (1-5) over judged results ≥ this.</summary>
    public double? MinRubricMean { get; init; }

    /// <summary>Strict bound: mean rubric score (1-5) over judged results &gt; this; the framework's "average above 4.0".</summary>
    public double? RubricMeanAbove { get; init; }

    /// <summary>
    /// Maximum share of judge verdicts that were inconclusive (a failed judge call, or output unusable after a repair),
    /// 0-1; null applies <see cref="DefaultMaxInconclusiveRate"/> to every gated judge metric.
    /// </summary>
    public double? MaxInconclusiveRate { get; init; }

    /// <summary>Minimum sample of conclusive verdicts; below it any inconclusive one fails the check. Null: <see cref="DefaultMinJudged"/>.</summary>
    public int? MinJudged { get; init; }

    /// <summary>Maximum share of grounded-checked results with a hallucination (a claim contradicted or not found), 0-1.</summary>
    public double? MaxHallucinationRate { get; init; }

    /// <summary>
    /// Accept the offline, approximate (embedding-based) groundedness check as evidence for
    /// <see cref="MaxHallucinationRate"/>; without it, an approximate check alone is "not enough evidence".
    /// </summary>
    public bool AllowApproximateGroundedness { get; init; }

    /// <summary>Require a calibrated judge: quadratic-weighted kappa against human labels at least this (e.g. 0.6).</summary>
    public double? MinJudgeKappa { get; init; }

    /// <summary>Require at least this many human labels on judged outputs (e.g. 30) before the judge counts as calibrated.</summary>
    public int? MinHumanLabels { get; init; }

    /// <summary>The rubric-mean bound actually applied: strict when <see cref="RubricMeanAbove"/> is declared.</summary>
    public (double Value, bool Strict)? RubricMeanBound =>
        RubricMeanAbove is { } above ? (above, true) : MinRubricMean is { } min ? (min, false) : null;
}
