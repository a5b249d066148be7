namespace Shipgate.Specs;

/// <summary>Traffic model, revenue and guardrails for unit economics (framework 4; docs/cost.md).</summary>
public sealed record EconomicsSpec
{
    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
