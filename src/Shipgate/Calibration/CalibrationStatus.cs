using System.Globalization;

namespace Shipgate.Calibration;

/// <summary>How far the judge's scores have been checked against people, in one sentence every report can print.</summary>
public sealed record CalibrationStatus(int Labels, IReadOnlyList<CriterionAgreement> Agreements, int Unmatched)
{
    public static CalibrationStatus None { get; } = new(0, [], 0);

    /// <summary>The weakest criterion decides: a judge is calibrated only where every measured criterion is.</summary>
    public CriterionAgreement? Weakest => Agreements.Count == 0 ? null
        : Agreements.OrderBy(a => double.IsNaN(a.Summary.QuadraticWeightedKappa) ? double.MinValue : a.Summary.QuadraticWeightedKappa).First();

    public bool Calibrated(double minimumKappa = CriterionAgreement.DefaultMinimumKappa, int minimumLabels = CriterionAgreement.DefaultMinimumLabels) =>
        Agreements.Count > 0 && Agreements.All(a => a.Calibrated(minimumKappa, minimumLabels));

    public string Statement(double minimumKappa = CriterionAgreement.DefaultMinimumKappa, int minimumLabels = CriterionAgreement.DefaultMinimumLabels)
    {
        if (Labels == 0)
        {
            return "uncalibrated: no human labels ('shipgate review' or 'shipgate labels import')";
        }

        if (Weakest is not { } w)
        {
            return $"uncalibrated: {Labels} human labels, none on a judged output";
        }

        var s = w.Summary;
        var kappa = double.IsNaN(s.QuadraticWeightedKappa)
            ? "κ n/a"
            : string.Create(CultureInfo.InvariantCulture, $"quadratic κ {s.QuadraticWeightedKappa:0.00} [{s.QuadraticKappaLow:0.00}, {s.QuadraticKappaHigh:0.00}]");
        var detail = string.Create(CultureInfo.InvariantCulture, $"{kappa} on {s.N} labels ({w.Criterion}), exact agreement {s.ExactAgreement:0%}, leniency {s.MeanSignedDifference:+0.00;-0.00;0.00}");
        return Calibrated(minimumKappa, minimumLabels)
            ? $"calibrated: {detail}"
            : string.Create(CultureInfo.InvariantCulture, $"uncalibrated: {detail}; needs κ ≥ {minimumKappa:0.00} on ≥ {minimumLabels} labels");
    }
}
