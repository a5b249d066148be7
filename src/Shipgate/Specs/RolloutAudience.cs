namespace Shipgate.Specs;

/// <summary>Who sees a rollout stage's answers.</summary>
public enum RolloutAudience
{
    /// <summary>Nobody: the feature runs beside the current path on real requests and its answers are only logged.</summary>
    Shadow,

    /// <summary>Employees only.</summary>
    Internal,

    /// <summary>A share of real users (sticky per user).</summary>
    Users,
}
