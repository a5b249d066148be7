namespace Shipgate.Specs;

/// <summary>One rubric criterion: what is judged, its 1-5 anchors and examples, and whether a low score is a safety failure.</summary>
public sealed record RubricCriterion
{
    public required string Id { get; init; }
    public required string Description { get; init; }

    /// <summary>Weight in the weighted mean (default 1).</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>A score of <see cref="SafetyFailureAtOrBelow"/> or less on a safety criterion is a safety failure.</summary>
    public bool Safety { get; init; }

    /// <summary>Level anchors, score (1-5) → description; 1, 3 and 5 are always present.</summary>
    public required IReadOnlyDictionary<int, string> Levels { get; init; }

    public IReadOnlyList<RubricExample> Examples { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>Scores at or below this on a safety criterion count as safety failures.</summary>
    public const int SafetyFailureAtOrBelow = 2;
}
