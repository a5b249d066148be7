namespace Shipgate.Specs;

/// <summary>
/// One stage of a staged rollout. <see cref="TrafficPercent"/> is the share of users who see the feature's answers
/// (0 for shadow and internal); a stage is left for the next only after <see cref="MinDays"/> and enough requests.
/// </summary>
public sealed record RolloutStageSpec
{
    public required string Name { get; init; }
    public RolloutAudience Audience { get; init; } = RolloutAudience.Users;
    public double TrafficPercent { get; init; }

    /// <summary>Least time in the stage before promotion (a weekday/weekend cycle catches more than an afternoon).</summary>
    public double MinDays { get; init; }

    /// <summary>Least requests before promotion; null lets the plan derive it from the hallucination budget.</summary>
    public int? MinRequests { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>The framework's path: shadow → internal → 5% → 25% → 100%.</summary>
    public static IReadOnlyList<RolloutStageSpec> Defaults { get; } =
    [
        new() { Name = "shadow", Audience = RolloutAudience.Shadow, MinDays = 2 },
        new() { Name = "internal", Audience = RolloutAudience.Internal, MinDays = 3 },
        new() { Name = "5%", TrafficPercent = 5, MinDays = 2 },
        new() { Name = "25%", TrafficPercent = 25, MinDays = 3 },
        new() { Name = "100%", TrafficPercent = 100, MinDays = 0 },
    ];
}
