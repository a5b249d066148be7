namespace Shipgate.Statistics;

/// <summary>
/// A paired comparison of B against A on the same cases: the mean of b[i] - a[i] (positive = B higher), its
/// percentile-bootstrap interval [<see cref="Low"/>, <see cref="High"/>] at <see cref="Confidence"/>, and a two-sided
/// bootstrap p-value. <see cref="Significant"/> is true only when the interval excludes 0 and p &lt; 1 - confidence,
/// so the flag never contradicts either number shown next to it. <see cref="StandardDeviation"/> is the sample SD of
/// the differences (the input to <see cref="Power"/>).
/// </summary>
public sealed record PairedDifferenceResult(
    int N,
    double MeanDifference,
    double Low,
    double High,
    double PValue,
    bool Significant,
    double Confidence,
    double StandardDeviation);
