namespace Shipgate.Selection;

/// <summary>
/// How a derived router policy did on the held-out part of the suite: what it saved against always using the best
/// candidate and how much of that candidate's quality it kept. Cost engineering reads this as the routing lever.
/// </summary>
public sealed record RouterEvaluation
{
    /// <summary>Candidate ids: the cheap one simple requests go to, the strong one everything else goes to.</summary>
    public required string CheapCandidate { get; init; }
    public required string StrongCandidate { get; init; }

    /// <summary>Held-out cases the numbers are measured on (fit on the rest).</summary>
    public required int HeldOutCases { get; init; }

    /// <summary>Share of held-out requests routed to the cheap candidate, 0-1.</summary>
    public required double CheapShare { get; init; }

    /// <summary>1 - routed cost / strong-only cost on the held-out cases, 0-1 (null when either candidate has no price).</summary>
    public decimal? CostSavedShare { get; init; }

    /// <summary>Routed quality / strong-only quality on the held-out cases (e.g. 0.97).</summary>
    public required double QualityRetainedShare { get; init; }

    /// <summary>The run the per-case results came from.</summary>
    public required string RunId { get; init; }
}
