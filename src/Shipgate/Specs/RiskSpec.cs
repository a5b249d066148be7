namespace Shipgate.Specs;

/// <summary>Hallucination risk: severity, detection, budget, mitigations (framework 5; docs/risk.md).</summary>
public sealed record RiskSpec
{
    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
