namespace Shipgate.Statistics;

/// <summary>
/// Everything a report needs to say whether B beats A on the same cases: the bootstrap difference with its interval,
/// both rank-free and rank-based paired tests, the suite's minimum detectable difference (alpha 1 - confidence,
/// power 0.8, from the observed SD of differences; NaN with fewer than two cases) and the overall verdict.
/// </summary>
public sealed record PairedComparisonResult(
    PairedDifferenceResult Difference,
    SignTestResult Sign,
    WilcoxonResult Wilcoxon,
    double MinimumDetectableDifference,
    ComparisonVerdict Verdict);
