namespace Shipgate.Specs;

/// <summary>One case of the suite.</summary>
public sealed record EvalCase
{
    public required string Id { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Vars { get; init; } = new Dictionary<string, string>();

    /// <summary>Optional reference answer (used by similarity assertions and, later, the judge).</summary>
    public string? Reference { get; init; }

    /// <summary>Documents the answer must be grounded in.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>happy, edge, adversarial, safety, or free-form.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<AssertionSpec> Assertions { get; init; } = [];

    /// <summary>When set, the case passes when its weighted score reaches this, instead of "every assertion passes".</summary>
    public double? Threshold { get; init; }

    /// <summary>Where the case came from: <c>authored</c> (default when absent), <c>production</c>, <c>complaint</c>, or free-form.</summary>
    public string? Origin { get; init; }

    /// <summary>When the case joined the suite; lint uses it to see whether production keeps feeding the suite.</summary>
    public DateOnly? Added { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    public bool IsSafety => Tags.Contains(CaseTags.Safety, StringComparer.OrdinalIgnoreCase);
}
