namespace Shipgate.Cost;

/// <summary>AI cost as a share of revenue: under 5% healthy (low), 5-15% healthy, 15-20% watch, over 20% a margin problem.</summary>
public enum CostBand
{
    HealthyLow,
    Healthy,
    Watch,
    Problem,
}
