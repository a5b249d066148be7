using Shipgate.Statistics;

namespace Shipgate.Calibration;

/// <summary>How well one judge agrees with people on one criterion ("overall" when labels score the whole output).</summary>
public sealed record CriterionAgreement(string Criterion, string JudgeId, AgreementSummary Summary)
{
    public const double DefaultMinimumKappa = 0.6;
    public const int DefaultMinimumLabels = 30;

    public bool Calibrated(double minimumKappa = DefaultMinimumKappa, int minimumLabels = DefaultMinimumLabels) =>
        Summary.MeetsCalibration(minimumKappa, minimumLabels);
}
