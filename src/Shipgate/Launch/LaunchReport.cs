using Shipgate.Rollout;

namespace Shipgate.Launch;

/// <summary>
/// The launch-readiness report: the eval gate, the model choice, unit economics, hallucination risk and the rollout
/// plan for one candidate, from one run. Ship only when every part is ready.
/// </summary>
public sealed record LaunchReport
{
    public required string Feature { get; init; }

    /// <summary>The candidate the launch is about (the selection winner, else the first shipping one, else the first).</summary>
    public required string CandidateId { get; init; }

    /// <summary>Why that candidate: "selection winner", "first candidate passing the ship gate", ...</summary>
    public required string CandidateReason { get; init; }

    public required string RunId { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<LaunchPart> Parts { get; init; }
    public required RolloutPlan Rollout { get; init; }

    /// <summary>Things a reader must know before trusting the report (stale run, offline stand-ins, stale prices).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Ship => Parts.Count > 0 && Parts.All(p => p.Readiness.Ready);

    public string Label => Ship ? "SHIP" : "NO-SHIP";
}
