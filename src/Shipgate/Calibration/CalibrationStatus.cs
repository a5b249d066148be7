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

        var calibrated = Calibrated(minimumKappa, minimumLabels);

        // The headline names what failed: an average of passing numbers must never hide the criterion that did not.
        var failing = Agreements.Where(a => !a.Calibrated(minimumKappa, minimumLabels)).ToList();
        var shown = calibrated ? w : failing[0];
        var s = shown.Summary;
        var kappa = double.IsNaN(s.QuadraticWeightedKappa)
            ? "κ n/a"
            : string.Create(CultureInfo.InvariantCulture, $"quadratic κ {s.QuadraticWeightedKappa:0.00} [{s.QuadraticKappaLow:0.00}, {s.QuadraticKappaHigh:0.00}]");
        var detail = string.Create(CultureInfo.InvariantCulture, $"{kappa} on {s.N} labels ({shown.Criterion}), exact agreement {s.ExactAgreement:0%}, leniency {s.MeanSignedDifference:+0.00;-0.00;0.00}");
        if (calibrated)
        {
            return $"calibrated: {detail}";
        }

        var named = Agreements.Select(a => a.JudgeId).Distinct(StringComparer.Ordinal).Count() > 1;
        var reasons = failing.Take(3).Select(a => FailedRule(a, minimumKappa, minimumLabels, named)).ToList();
        if (failing.Count > 3)
        {
            reasons.Add($"and {failing.Count - 3} more criteria");
        }

        return $"uncalibrated: {string.Join("; ", reasons)} ({detail})";
    }

    /// <summary>"criterion 'safety' has 12 labels &lt; 30 required" or "criterion 'tone' has quadratic κ 0.41 &lt; 0.60 required".</summary>
    private static string FailedRule(CriterionAgreement a, double minimumKappa, int minimumLabels, bool nameJudge)
    {
        var who = nameJudge ? $"criterion '{a.Criterion}' ({a.JudgeId})" : $"criterion '{a.Criterion}'";
        var s = a.Summary;
        if (s.N < minimumLabels)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{who} has {s.N} labels < {minimumLabels} required");
        }

        return double.IsNaN(s.QuadraticWeightedKappa)
            ? string.Create(CultureInfo.InvariantCulture, $"{who} has no measurable κ (every label the same score) < {minimumKappa:0.00} required")
            : string.Create(CultureInfo.InvariantCulture, $"{who} has quadratic κ {s.QuadraticWeightedKappa:0.00} < {minimumKappa:0.00} required");
    }
}
