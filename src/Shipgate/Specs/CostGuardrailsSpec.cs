namespace Shipgate.Specs;

/// <summary>Declared spending caps under <c>economics.guardrails</c>; each is optional.</summary>
public sealed record CostGuardrailsSpec
{
    public decimal? MaxCostPerRequest { get; init; }
    public decimal? MonthlyBudget { get; init; }

    /// <summary>Shares of the monthly budget that raise an alert, e.g. 0.5, 0.8, 1.0.</summary>
    public IReadOnlyList<decimal> AlertAt { get; init; } = [];

    public decimal? MaxCostPerUserPerDay { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
