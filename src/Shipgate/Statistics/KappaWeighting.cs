namespace Shipgate.Statistics;

/// <summary>How Cohen's kappa credits near-misses between ordinal labels.</summary>
public enum KappaWeighting
{
    /// <summary>Only identical labels agree (Cohen, 1960).</summary>
    None,

    /// <summary>Partial credit 1 - |i - j|/(k - 1).</summary>
    Linear,

    /// <summary>Partial credit 1 - (i - j)²/(k - 1)² (Cohen, 1968; Fleiss and Cohen, 1973): the usual choice for 1-5 scores.</summary>
    Quadratic,
}
