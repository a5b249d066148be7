namespace Shipgate.Specs;

/// <summary><c>risk.budget</c>: the acceptable hallucination rate, how it is measured, and the production rate that triggers a rollback.</summary>
public sealed record HallucinationBudget
{
    /// <summary>Acceptable share of answers with a hallucination, 0-1.</summary>
    public required double MaxRate { get; init; }

    /// <summary>How the rate is measured, in the suite and in production (free text).</summary>
    public required string MeasuredBy { get; init; }

    /// <summary>Production rate (0-1, at least <see cref="MaxRate"/>) that triggers a rollback; null when not declared.</summary>
    public double? RollbackAt { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
