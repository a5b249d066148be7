namespace Shipgate.Specs;

/// <summary>How much the feature is used: monthly active users and their requests.</summary>
public sealed record TrafficSpec
{
    /// <summary>Monthly active users.</summary>
    public required long Users { get; init; }

    public required decimal RequestsPerUserPerDay { get; init; }

    /// <summary>Days of use per month; default 30.</summary>
    public decimal DaysPerMonth { get; init; } = 30m;

    public decimal RequestsPerUserPerMonth => RequestsPerUserPerDay * DaysPerMonth;
}
