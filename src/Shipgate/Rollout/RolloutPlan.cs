using Shipgate.Reports;

namespace Shipgate.Rollout;

/// <summary>The staged rollout (shadow → internal → 5% → 25% → 100% unless declared otherwise) with each stage's gate.</summary>
public sealed record RolloutPlan
{
    public required IReadOnlyList<RolloutStagePlan> Stages { get; init; }

    /// <summary>Every gate the plan watches; a stage holds all of them except those that need users (shadow skips feedback).</summary>
    public required IReadOnlyList<StageGate> Gates { get; init; }

    /// <summary>True when the stages are the framework's defaults (the spec has no <c>rollout.stages</c>).</summary>
    public bool DefaultStages { get; init; }

    /// <summary>Assumptions and gaps worth reading before the plan is followed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required Readiness Readiness { get; init; }

    /// <summary>Total expected days until 100%, when every stage's length is known.</summary>
    public double? ExpectedTotalDays => Stages.Take(Stages.Count - 1).All(s => s.ExpectedDays is not null)
        ? Stages.Take(Stages.Count - 1).Sum(s => s.ExpectedDays!.Value)
        : null;
}
