namespace Shipgate.Specs;

/// <summary>How much the feature is used: monthly active users and their requests.</summary>
public sealed record TrafficSpec
{
    /// <summary>Most monthly users a spec or <c>--users</c> may give: above the world's population, far below where cost sums overflow.</summary>
    public const long MaxUsers = 10_000_000_000;

    /// <summary>Most requests per user per day (one every second, around the clock, is 86,400).</summary>
    public const decimal MaxRequestsPerUserPerDay = 1_000_000m;

    /// <summary>Most USD for a per-user or per-request amount (revenue, other costs) and largest scale multiple.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>Monthly active users.</summary>
    public required long Users { get; init; }

    public required decimal RequestsPerUserPerDay { get; init; }

    /// <summary>Days of use per month; default 30.</summary>
    public decimal DaysPerMonth { get; init; } = 30m;

    public decimal RequestsPerUserPerMonth => RequestsPerUserPerDay * DaysPerMonth;
}
