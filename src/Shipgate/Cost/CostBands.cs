namespace Shipgate.Cost;

/// <summary>The framework's revenue-share bands; boundaries belong to the lower band (exactly 15% is healthy, exactly 20% is watch).</summary>
public static class CostBands
{
    public const decimal HealthyFrom = 0.05m;
    public const decimal WatchAbove = 0.15m;
    public const decimal ProblemAbove = 0.20m;

    public static CostBand Of(decimal shareOfRevenue) => shareOfRevenue switch
    {
        < HealthyFrom => CostBand.HealthyLow,
        <= WatchAbove => CostBand.Healthy,
        <= ProblemAbove => CostBand.Watch,
        _ => CostBand.Problem,
    };

    public static string Label(CostBand band) => band switch
    {
        CostBand.HealthyLow => "healthy (under 5%)",
        CostBand.Healthy => "healthy (5-15%)",
        CostBand.Watch => "watch (15-20%)",
        _ => "margin problem (over 20%)",
    };

    /// <summary>CSS class of the band in HTML reports.</summary>
    public static string Css(CostBand band) => band switch
    {
        CostBand.Watch => "watch",
        CostBand.Problem => "problem",
        _ => "healthy",
    };
}
