using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// One cell of the matrix: a candidate's figure for one requirement, normalised to a 0-1 score (formulas in
/// docs/select.md), whether it meets the requirement, and where the figure came from.
/// </summary>
public sealed record RequirementScore
{
    public required RequirementKind Kind { get; init; }
    public required int Weight { get; init; }
    public bool Hard { get; init; }

    /// <summary>Normalised score, 0 (worst) to 1 (best).</summary>
    public required double Score { get; init; }

    /// <summary>The figure behind the score as people read it, e.g. "4.3 [4.1, 4.5]", "1 840 ms", "eu, us".</summary>
    public required string Value { get; init; }

    public required Provenance Source { get; init; }

    /// <summary>Meets the requirement's bar (for hard requirements: stays in the running).</summary>
    public required bool Met { get; init; }

    /// <summary>Why it is not met, naming the number and the bar; null when met.</summary>
    public string? Failure { get; init; }

    /// <summary>Weight × score.</summary>
    public double Points => Weight * Score;
}
