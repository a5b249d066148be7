namespace Shipgate.Specs;

/// <summary><c>selection.routing</c>: how the router policy is fitted and measured.</summary>
public sealed record RoutingSettings
{
    /// <summary>Share of cases held out for measuring the policy (fit on the rest). Default 0.3.</summary>
    public double Holdout { get; init; } = 0.3;

    /// <summary>Seed of the deterministic split. Default 7.</summary>
    public int Seed { get; init; } = 7;
}
