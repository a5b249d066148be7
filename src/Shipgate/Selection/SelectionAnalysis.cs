using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// The model selection matrix for one eval run: per-candidate scores against the declared requirements, the winner,
/// how robust that choice is, vendor diversification, the quality-vs-cost Pareto front and the router policy.
/// </summary>
public sealed record SelectionAnalysis
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Feature { get; init; }
    public required string RunId { get; init; }

    /// <summary>The quality figure the matrix uses and its scale, e.g. rubric_mean 1-5.</summary>
    public required QualityMetric Metric { get; init; }

    /// <summary>The declared requirements (empty without a <c>selection:</c> section).</summary>
    public IReadOnlyList<SelectionRequirement> Requirements { get; init; } = [];
    public ReviewTriggers Review { get; init; } = new();

    /// <summary>Matrix rows, best total first; eliminated candidates last.</summary>
    public required IReadOnlyList<CandidateAssessment> Candidates { get; init; }

    /// <summary>The candidate with the highest total among those that pass every hard constraint; null when none does.</summary>
    public string? Winner { get; init; }

    public required SelectionRobustness Robustness { get; init; }
    public required VendorDiversity Vendors { get; init; }
    public required RouterOutcome RouterDetail { get; init; }

    /// <summary>The router's held-out measurement, for cost engineering; null when no policy could be derived.</summary>
    public RouterEvaluation? Router => RouterDetail.Evaluation;

    /// <summary>Where catalog figures came from, e.g. "bundled, 2026-11-20"; null without a catalog.</summary>
    public string? CatalogSource { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Set when the run holds a single candidate of today's spec: the matrix compares nothing.</summary>
    public string? OnlyCandidate { get; init; }

    /// <summary>The winner of the recorded decision (decisions/model-selection.json) when one was read.</summary>
    public string? RecordedWinner { get; init; }

    /// <summary>The run was made with today's spec (same content hash); a decision is only accepted on such a run.</summary>
    public bool RunMatchesSpec { get; init; } = true;

    /// <summary>How the cost requirement was scaled (reference, formula); null without a cost requirement.</summary>
    public string? CostScale { get; init; }

    public required Readiness Readiness { get; init; }

    public CandidateAssessment? Get(string? id) => Candidates.FirstOrDefault(c => c.CandidateId == id);
}
