namespace Shipgate.Specs;

/// <summary><c>selection.routing</c>: how the router policy is fitted and measured.</summary>
public sealed record RoutingSettings
{
    /// <summary>Share of cases held out for measuring the policy (fit on the rest). Default 0.3.</summary>
    public double Holdout { get; init; } = 0.3;

    /// <summary>Seed of the deterministic split. Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>
    /// Case tags production requests carry (declared request metadata, <c>request_tags</c>). Router rules may match only
    /// these tags: a suite tag a live request does not carry cannot route it. Empty by default: no tag rules.
    /// </summary>
    public IReadOnlyList<string> RequestTags { get; init; } = [];
}
