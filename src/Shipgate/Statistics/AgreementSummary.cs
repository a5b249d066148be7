namespace Shipgate.Statistics;

/// <summary>
/// How well a judge agrees with people on the same <see cref="N"/> items, labelled on the ordinal scale
/// <see cref="MinLabel"/>..<see cref="MaxLabel"/>. Rates are fractions in [0, 1]. Kappas are chance-corrected
/// (1 = perfect, 0 = chance level, NaN when undefined because one label was used for everything by both).
/// [<see cref="QuadraticKappaLow"/>, <see cref="QuadraticKappaHigh"/>] is a seeded percentile bootstrap interval over
/// items at <see cref="Confidence"/>. <see cref="MeanSignedDifference"/> is mean(judge - human): positive means the
/// judge is more lenient than people. <see cref="ConfusionMatrix"/>[h][j] counts items people labelled
/// MinLabel + h and the judge MinLabel + j (rows human, columns judge).
/// </summary>
public sealed record AgreementSummary(
    int N,
    int MinLabel,
    int MaxLabel,
    double ExactAgreement,
    double WithinOneAgreement,
    double Kappa,
    double LinearWeightedKappa,
    double QuadraticWeightedKappa,
    double QuadraticKappaLow,
    double QuadraticKappaHigh,
    double Confidence,
    double Spearman,
    double MeanSignedDifference,
    int[][] ConfusionMatrix)
{
    /// <summary>
    /// True when there are at least <paramref name="minimumLabels"/> items and the quadratic-weighted kappa reaches
    /// <paramref name="minimumKappa"/> (e.g. 0.6 on 30 labels, "substantial" agreement in Landis and Koch's terms).
    /// </summary>
    public bool MeetsCalibration(double minimumKappa = 0.6, int minimumLabels = 30) =>
        N >= minimumLabels && Thresholds.AtLeast(QuadraticWeightedKappa, minimumKappa);
}
