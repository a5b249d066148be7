using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Rollout;

/// <summary>One stage of the plan: who sees it, how long and how many requests it needs, what it is watched on, and when it moves on or back.</summary>
public sealed record RolloutStagePlan
{
    public required string Name { get; init; }
    public required RolloutAudience Audience { get; init; }
    public required double TrafficPercent { get; init; }
    public required double MinDays { get; init; }

    /// <summary>Judged (groundedness-checked) answers needed before promotion; null for the last stage (steady state, watched forever).</summary>
    public int? MinChecks { get; init; }

    /// <summary>Requests to serve before promotion: the checks divided by the judge's sample rate.</summary>
    public int? MinRequests { get; init; }
    public Provenance? MinRequestsSource { get; init; }

    /// <summary>Days the stage is expected to last at the declared traffic; null when traffic is unknown.</summary>
    public double? ExpectedDays { get; init; }
    public Provenance? ExpectedDaysSource { get; init; }

    public required IReadOnlyList<StageGate> Gates { get; init; }
    public required string Promotion { get; init; }
    public required string Rollback { get; init; }
}
