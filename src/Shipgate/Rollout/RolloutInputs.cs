using Shipgate.Reports;

namespace Shipgate.Rollout;

/// <summary>
/// What the other frameworks contribute to the plan: traffic (cost engineering's traffic model), the hallucination
/// budget and rollback rate (risk assessment) and the per-request cost cap (cost guardrails). Each with its source.
/// </summary>
public sealed record RolloutInputs
{
    public double? DailyRequests { get; init; }
    public Provenance DailyRequestsSource { get; init; }

    /// <summary>Acceptable hallucination rate, 0-1: sets how many clean checks a stage needs.</summary>
    public double? HallucinationBudget { get; init; }
    public Provenance HallucinationBudgetSource { get; init; }

    /// <summary>Hallucination rate that triggers a rollback, 0-1.</summary>
    public double? HallucinationRollbackAt { get; init; }
    public Provenance HallucinationRollbackSource { get; init; }

    /// <summary>Checked answers a rollback decision needs to be a signal, not noise (risk assessment); null when unknown.</summary>
    public int? RollbackWindow { get; init; }

    public decimal? MaxCostPerRequest { get; init; }
    public Provenance MaxCostPerRequestSource { get; init; }
}
