using System.Text.Json.Nodes;

namespace Shipgate.Suite;

/// <summary>A case built from one production item, as it will be written to the case file.</summary>
/// <param name="Line">The item's line in the input file.</param>
/// <param name="ObservedOutput">The bad output seen in production; kept as a comment above the case.</param>
public sealed record ImportedCase(
    int Line,
    string Id,
    string Description,
    string Origin,
    DateOnly Added,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Vars,
    string? Reference,
    string? ObservedOutput,
    JsonArray? Assertions)
{
    public bool HasAssertions => Assertions is { Count: > 0 };

    /// <summary>The production item's <c>context</c>, kept so the case's <c>grounded</c> check has what the answer had.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];
}
