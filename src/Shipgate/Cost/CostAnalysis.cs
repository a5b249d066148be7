using System.Text.Json.Serialization;
using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>What <c>shipgate cost</c> found: cost drivers per candidate, unit economics, projections, levers, guardrails, verdict.</summary>
public sealed record CostAnalysis
{
    public int SchemaVersion { get; init; } = 1;
    public required string Feature { get; init; }
    public required string RunId { get; init; }

    /// <summary>The candidate the unit economics are for.</summary>
    public required string CandidateId { get; init; }

    /// <summary>Why that candidate: "--candidate", "selection winner", "cheapest shipping candidate", ...</summary>
    public required string CandidateReason { get; init; }

    public required string CatalogSource { get; init; }
    public required DateOnly CatalogDate { get; init; }
    public required bool CatalogStale { get; init; }

    public required IReadOnlyList<CandidateCost> Candidates { get; init; }

    /// <summary>Null when the spec has no <c>economics:</c> section or the candidate's cost is unknown.</summary>
    public UnitEconomics? Economics { get; init; }

    public IReadOnlyList<ScaleProjection> Projections { get; init; } = [];
    public IReadOnlyList<CostLever> Levers { get; init; } = [];
    public IReadOnlyList<GuardrailProposal> Guardrails { get; init; } = [];

    /// <summary>Shared rendered-prompt prefix of the costed candidate, in tokens (0 when none).</summary>
    public long SharedPrefixTokens { get; init; }

    public double DuplicateRate { get; init; }

    public required Readiness Readiness { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonIgnore]
    public CandidateCost Costed => Candidates.First(c => c.CandidateId == CandidateId);
}
