namespace Shipgate.Specs;

/// <summary>Model selection requirements, review triggers and routing settings (framework 3; docs/select.md).</summary>
public sealed record SelectionSpec
{
    /// <summary>Declared requirements, in matrix order (one per kind at most).</summary>
    public IReadOnlyList<SelectionRequirement> Requirements { get; init; } = [];

    public ReviewTriggers Review { get; init; } = new();

    public RoutingSettings Routing { get; init; } = new();

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    public SelectionRequirement? Get(RequirementKind kind) => Requirements.FirstOrDefault(r => r.Kind == kind);
}
