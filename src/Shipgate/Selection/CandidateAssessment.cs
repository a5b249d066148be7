using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>One row of the selection matrix: a candidate's measured and declared figures, scores, total and fate.</summary>
public sealed record CandidateAssessment
{
    public required string CandidateId { get; init; }
    public required string Provider { get; init; }
    public CandidateTier? Tier { get; init; }
    public string? Family { get; init; }

    /// <summary>Vendor (declared, from the catalog, or from the provider id); null when unknown.</summary>
    public string? Vendor { get; init; }
    public Provenance? VendorSource { get; init; }

    /// <summary>Offline stand-in (local:*): labelled in every output.</summary>
    public bool OfflineStandIn { get; init; }

    /// <summary>The quality metric's value and 95% CI; null when the run has none (e.g. no rubric verdicts).</summary>
    public double? Quality { get; init; }
    public Interval? QualityCi { get; init; }
    public required Provenance QualitySource { get; init; }

    public double P95LatencyMs { get; init; }
    public required Provenance LatencySource { get; init; }

    /// <summary>USD per request; null when neither the spec nor the catalog prices it.</summary>
    public decimal? CostPerRequest { get; init; }
    public required Provenance CostSource { get; init; }

    /// <summary>One cell per declared requirement, in matrix order.</summary>
    public IReadOnlyList<RequirementScore> Scores { get; init; } = [];

    /// <summary>Σ weight × score, out of <see cref="MaxTotal"/> (Σ weights).</summary>
    public double Total { get; init; }
    public double MaxTotal { get; init; }

    /// <summary>Failed a hard constraint: out of the running (reasons in <see cref="EliminatedBecause"/>).</summary>
    public bool Eliminated => EliminatedBecause.Count > 0;
    public IReadOnlyList<string> EliminatedBecause { get; init; } = [];

    /// <summary>On the quality-vs-cost Pareto front of the candidates in the running (no other is at least as good and as cheap, and better in one); never when out.</summary>
    public bool OnParetoFront { get; init; }

    /// <summary>The eval's ship gate for this candidate (<c>CandidateSummary.Verdict.Ship</c>); the matrix ranks regardless.</summary>
    public bool PassesShipGate { get; init; } = true;

    /// <summary>The ship-gate checks it fails, e.g. "pass_rate 0.80 (needs ≥ 0.90)".</summary>
    public IReadOnlyList<string> ShipGateFailures { get; init; } = [];
}
