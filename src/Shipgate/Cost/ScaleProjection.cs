namespace Shipgate.Cost;

/// <summary>Unit economics at a multiple of today's users (cost per request held at the measured value: no volume discounts).</summary>
public sealed record ScaleProjection(
    decimal Multiple,
    long Users,
    decimal MonthlyCost,
    decimal MonthlyRevenue,
    decimal ShareOfRevenue,
    CostBand Band,
    decimal MarginPerUser,
    decimal MonthlyMargin);
