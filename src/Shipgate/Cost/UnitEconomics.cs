namespace Shipgate.Cost;

/// <summary>The traffic model applied to the measured cost per request (today's users).</summary>
public sealed record UnitEconomics
{
    public required CostFigure ModelCostPerRequest { get; init; }
    public required CostFigure OtherCostPerRequest { get; init; }
    public required CostFigure CostPerRequest { get; init; }
    public required decimal RequestsPerUserPerMonth { get; init; }
    public required CostFigure CostPerUserPerMonth { get; init; }
    public required long Users { get; init; }
    public required CostFigure FeatureCostPerMonth { get; init; }
    public required CostFigure RevenuePerUserPerMonth { get; init; }

    /// <summary>AI cost / revenue, 0-1+.</summary>
    public required decimal ShareOfRevenue { get; init; }

    public required CostBand Band { get; init; }

    /// <summary>Revenue minus AI cost, per user per month.</summary>
    public required CostFigure MarginPerUser { get; init; }
}
