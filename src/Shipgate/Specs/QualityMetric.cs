namespace Shipgate.Specs;

/// <summary>Which measured figure is the quality in the selection matrix.</summary>
public enum QualityMetric
{
    /// <summary>Mean rubric score, 1-5 (<c>rubric_mean</c>).</summary>
    RubricMean,

    /// <summary>Share of cases passed, 0-1 (<c>pass_rate</c>).</summary>
    PassRate,

    /// <summary>Mean assertion score, 0-1 (<c>mean_score</c>).</summary>
    MeanScore,
}
