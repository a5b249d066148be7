namespace Shipgate.Cost;

/// <summary>The traffic model applied to the measured cost per request (today's users).</summary>
public sealed record UnitEconomics
{
    public required CostFigure ModelCostPerRequest { get; init; }
    public required CostFigure OtherCostPerRequest { get; init; }

    /// <summary>
    /// The online judge's share of a request: <c>rollout.sample_rate</c> × the judge's measured cost per judged request.
    /// 0 when no online judge is declared or the judge is the offline one (<see cref="OnlineJudge"/> says which);
    /// null when the judge's price is unknown.
    /// </summary>
    public CostFigure? OnlineJudgeCostPerRequest { get; init; }

    /// <summary>How the online judge's line was worked out, e.g. "offline reference judge local:reference: costs nothing".</summary>
    public string OnlineJudge { get; init; } = "";
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
