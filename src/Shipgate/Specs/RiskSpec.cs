namespace Shipgate.Specs;

/// <summary>Hallucination risk: severity, detection, budget, mitigations (framework 5; docs/risk.md).</summary>
public sealed record RiskSpec
{
    /// <summary>What a hallucination costs (<c>risk.severity</c>).</summary>
    public required SeverityRating Severity { get; init; }

    /// <summary>How easily a hallucination is noticed (<c>risk.detection</c>).</summary>
    public required DetectionRating Detection { get; init; }

    /// <summary>The acceptable rate, how it is measured and when to roll back; null when the spec declares none.</summary>
    public HallucinationBudget? Budget { get; init; }

    /// <summary>Declared mitigation ids (<see cref="MitigationIds"/>), in spec order, without duplicates.</summary>
    public IReadOnlyList<string> Mitigations { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
