namespace Shipgate.Specs;

/// <summary>Model selection requirements, review triggers and routing settings (framework 3; docs/select.md).</summary>
public sealed record SelectionSpec
{
    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
