using Shipgate.Evals;

namespace Shipgate.Risk;

/// <summary>
/// The hallucination budget against the measured rate: the budget as declared, the candidate's rate from the run's
/// groundedness verdicts with its 95% upper bound, the verdict, the cases a firm verdict needs, and the rollback trigger.
/// </summary>
public sealed record BudgetAssessment
{
    public required BudgetStatus Status { get; init; }

    /// <summary>One sentence for every renderer, e.g. "within budget: ≤ 1.5% at 95% against 2.0%".</summary>
    public required string Statement { get; init; }

    public RiskFigure? MaxRate { get; init; }
    public RiskFigure? RollbackAt { get; init; }
    public string? MeasuredBy { get; init; }

    /// <summary>Results with a conclusive grounded verdict, those with a hallucination, and those left inconclusive.</summary>
    public int Checked { get; init; }
    public int Hallucinated { get; init; }
    public int Inconclusive { get; init; }

    /// <summary>Measured rate (Hallucinated / Checked); null when nothing was checked.</summary>
    public RiskFigure? Rate { get; init; }

    /// <summary>Wilson 95% interval of the rate.</summary>
    public Interval? RateCi { get; init; }

    /// <summary>The 95% upper bound compared with the budget: exact zero-failure bound, else the Wilson interval's upper end.</summary>
    public RiskFigure? UpperBound { get; init; }

    /// <summary>True when the groundedness judge was the offline, approximate (embedding-based) one.</summary>
    public bool Approximate { get; init; }

    /// <summary>Checked cases with zero hallucinations that would show the budget (the exact zero-failure bound ≤ max_rate).</summary>
    public RiskCount? CasesNeeded { get; init; }

    /// <summary>Checked cases that would show the budget if the measured (non-zero) rate held; null when not applicable.</summary>
    public RiskCount? CasesNeededAtMeasuredRate { get; init; }

    /// <summary>Production rollback rule, e.g. "roll back when the rate exceeds 5.0% over 226 checked answers, measured by …".</summary>
    public string? RollbackTrigger { get; init; }

    /// <summary>Checked answers per rollback window (see <see cref="BudgetMath.RollbackWindow"/>).</summary>
    public RiskCount? RollbackWindow { get; init; }

    public bool Met => Status == BudgetStatus.Within;
}
