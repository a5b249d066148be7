using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>A proposed spending cap, the rule behind it, and how it compares with the declared one.</summary>
public sealed record GuardrailProposal
{
    public required string Name { get; init; }
    public required decimal Proposed { get; init; }
    public required string Rule { get; init; }
    public required Provenance Source { get; init; }
    public decimal? Declared { get; init; }

    /// <summary>Set when the declared cap would be tripped by the measured traffic (says by how much).</summary>
    public string? Problem { get; init; }

    /// <summary>What the check found when it passes (e.g. "p95 $0.0012 is under the declared cap"); shown in the body, not as a readiness reason.</summary>
    public string? Note { get; init; }
}
