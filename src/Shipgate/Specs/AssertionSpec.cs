using System.Text.Json.Nodes;

namespace Shipgate.Specs;

/// <summary>
/// A declared assertion. <see cref="Type"/> is the base type without the <c>not-</c> prefix
/// (<see cref="Negate"/> carries that). Which fields matter depends on the type; see docs/spec.md.
/// </summary>
public sealed record AssertionSpec
{
    /// <summary>Base type, lower case, e.g. <c>contains</c>, <c>icontains-any</c>, <c>regex</c>, <c>similar</c>.</summary>
    public required string Type { get; init; }
    public bool Negate { get; init; }

    /// <summary>Single expected value (equals, contains, starts-with, regex).</summary>
    public string? Value { get; init; }

    /// <summary>Several expected values (contains-any, contains-all).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Score threshold where the assertion is graded (similar: cosine similarity, default 0.75).</summary>
    public double? Threshold { get; init; }

    /// <summary>Bounds: length (characters), latency (ms), cost (USD).</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>JSON Schema for <c>json-schema</c>.</summary>
    public JsonNode? Schema { get; init; }

    public double Weight { get; init; } = 1.0;

    /// <summary>rubric: the criterion ids scored (empty = every criterion of the rubric).</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>rubric: id of the judge to use instead of the spec's default judge(s).</summary>
    public string? Judge { get; init; }

    /// <summary>grounded: what the output is checked against, <c>context</c>, <c>knowledge</c> and/or <c>vars.NAME</c> (empty = context and knowledge).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>Display name as written in the spec, e.g. <c>not-icontains</c>.</summary>
    public string DisplayType => Negate ? "not-" + Type : Type;
}
