namespace Shipgate.Runs;

/// <summary>
/// A person's 1-5 score for one stored output (run, candidate, case, repeat), optionally for one rubric criterion.
/// Labels calibrate the judge: agreement is measured on the outputs both scored.
/// </summary>
public sealed record HumanLabel
{
    public required string RunId { get; init; }
    public required string CandidateId { get; init; }
    public required string CaseId { get; init; }
    public int Repeat { get; init; }

    /// <summary>Rubric criterion id; null scores the output overall.</summary>
    public string? Criterion { get; init; }

    /// <summary>1-5.</summary>
    public required int Score { get; init; }

    public string? Note { get; init; }

    /// <summary>Who labelled it (a name or handle); agreement between people can be measured later.</summary>
    public required string Labeler { get; init; }

    /// <summary>Where the label came from: <c>review</c> (the terminal flow) or the imported file's name.</summary>
    public string Source { get; init; } = "review";

    public required DateTimeOffset CreatedAt { get; init; }
}
