namespace Shipgate.Specs;

/// <summary>
/// The feature's rubric (docs/spec.md, "Rubric"): criteria scored 1-5, each anchored by level descriptions and by
/// real example input/output pairs, and how several judges' verdicts combine.
/// </summary>
public sealed record Rubric
{
    public required IReadOnlyList<RubricCriterion> Criteria { get; init; }

    /// <summary>How verdicts of several judges combine; irrelevant with one judge.</summary>
    public JudgeAggregate Aggregate { get; init; } = JudgeAggregate.Mean;

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
