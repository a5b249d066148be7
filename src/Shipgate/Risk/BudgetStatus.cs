namespace Shipgate.Risk;

/// <summary>The measured hallucination rate against the budget.</summary>
public enum BudgetStatus
{
    /// <summary>The spec has no <c>risk.budget</c>.</summary>
    NotDeclared,

    /// <summary>The run has no conclusive groundedness verdict for the candidate.</summary>
    NotMeasured,

    /// <summary>The 95% upper bound is within the budget: the suite shows the rate is acceptable.</summary>
    Within,

    /// <summary>The point estimate is within the budget but the upper bound is not: the suite is too small to show it.</summary>
    Unproven,

    /// <summary>The measured rate itself is over the budget.</summary>
    Exceeded,
}
