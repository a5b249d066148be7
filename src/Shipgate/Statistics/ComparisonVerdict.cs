namespace Shipgate.Statistics;

/// <summary>What a paired comparison of B against A on the same cases concludes.</summary>
public enum ComparisonVerdict
{
    /// <summary>The difference could be noise: the data do not show B better or worse than A.</summary>
    NoSignificantDifference,

    /// <summary>B scores higher than A, beyond noise.</summary>
    Improvement,

    /// <summary>B scores lower than A, beyond noise.</summary>
    Regression,
}
