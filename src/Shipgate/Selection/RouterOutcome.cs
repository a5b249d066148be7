using Shipgate.Evals;

namespace Shipgate.Selection;

/// <summary>The router part of a selection: the fitted policy, its held-out measurement, or why there is none.</summary>
public sealed record RouterOutcome
{
    public RouterPolicy? Policy { get; init; }
    public RouterEvaluation? Evaluation { get; init; }

    /// <summary>95% bootstrap interval of <see cref="RouterEvaluation.QualityRetainedShare"/> over the held-out cases.</summary>
    public Interval? QualityRetainedCi { get; init; }

    /// <summary>Fitted on this many cases.</summary>
    public int FittedCases { get; init; }

    /// <summary>One line for the reports: the result, or why no policy was derived.</summary>
    public required string Statement { get; init; }
}
