using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>
/// The mitigation strategy of one severity × detection cell: a name, why it fits, the mitigations it requires and
/// whether the framework names it or Shipgate derives it (the moderate and near-impossible columns; docs/risk.md).
/// </summary>
public sealed record RiskStrategy
{
    public required RiskSeverity Severity { get; init; }
    public required RiskDetection Detection { get; init; }

    /// <summary>Short name shown in the matrix, e.g. "RAG + citations".</summary>
    public required string Name { get; init; }

    /// <summary>One or two sentences on why this cell asks for these mitigations.</summary>
    public required string Reasoning { get; init; }

    /// <summary>Mitigation ids (<see cref="MitigationIds"/>) the strategy requires.</summary>
    public required IReadOnlyList<string> Mitigations { get; init; }

    /// <summary>True for the framework's own cells; false for the cells Shipgate derives.</summary>
    public bool FromFramework { get; init; }

    /// <summary>True when the framework says to reconsider whether AI fits at all (critical severity): never ready.</summary>
    public bool ReconsiderAi { get; init; }

    /// <summary>A warning printed with the strategy, e.g. near-impossible detection "may not be suitable for AI".</summary>
    public string? Caution { get; init; }
}
