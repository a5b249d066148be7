using Shipgate.Statistics;

namespace Shipgate.Selection;

/// <summary>
/// The normalisation formulas of the matrix (docs/select.md, "Scoring"): every figure becomes a 0-1 score.
/// Pure functions so each formula can be checked by hand.
/// </summary>
internal static class RequirementScorer
{
    /// <summary>
    /// Quality: the mean of a bar part and a relative part, like latency and cost.
    /// Bar part: 1 at or above the bar, falling linearly to 0 at the bottom of the scale.
    /// Relative part: (q - bar) / (best - bar), clamped to 0-1 — 0 at the bar, 1 at the best candidate in the running;
    /// 1 as well when the run cannot tell the candidate from the best (<paramref name="tiedWithBest"/>: the paired
    /// 95% CI of the per-case difference includes 0), so noise is never scored as a difference.
    /// Without a declared bar, the bar is the bottom of the scale.
    /// </summary>
    public static double Quality(double value, double bar, double scaleMin, double best, bool tiedWithBest)
    {
        var barPart = AtLeast(value, bar) ? 1 : bar <= scaleMin ? 0 : Math.Clamp((value - scaleMin) / (bar - scaleMin), 0, 1);
        var relative = tiedWithBest || value >= best ? 1 : best <= bar ? 0 : Math.Clamp((value - bar) / (best - bar), 0, 1);
        return (barPart + relative) / 2;
    }

    /// <summary>
    /// Lower-is-better figures (latency, cost): the mean of a target part and a relative part.
    /// Target part: 1 at or under the target, falling linearly to 0 at twice the target.
    /// Relative part: best / value (1 for the best candidate; 1 when the value is 0).
    /// </summary>
    public static double LowerIsBetter(double value, double target, double best)
    {
        var toTarget = target <= 0 ? (value <= 0 ? 1 : 0) : value <= target ? 1 : Math.Max(0, 1 - ((value - target) / target));
        var relative = value <= 0 ? 1 : Math.Clamp(best / value, 0, 1);
        return (toTarget + relative) / 2;
    }

    /// <summary>How many decades of price ratio take the cost's relative part from 1 to 0 (1000× the cheapest scores 0).</summary>
    public const double CostDecades = 3;

    /// <summary>"At least the bar", inclusive, with the ship gate's one tolerance (<see cref="Thresholds"/>): the matrix and the gate never disagree on a mean that sits on the bar.</summary>
    public static bool AtLeast(double value, double bar) => Thresholds.AtLeast(value, bar);

    /// <summary>
    /// Cost: the mean of a target part (as <see cref="LowerIsBetter"/>) and a relative part on a log scale against the
    /// cheapest paid candidate in the running: 1 − log10(cost / cheapest paid) / <see cref="CostDecades"/>, clamped to
    /// 0-1. So 2× the cheapest scores 0.90, 10× 0.67, 17× 0.59, 100× 0.33, 1000× or more 0. A free candidate (cost 0)
    /// scores 1 and is not the reference, so it cannot squash the differences among the paid ones.
    /// <paramref name="cheapestPaid"/> is 0 when no candidate in the running is paid.
    /// </summary>
    public static double Cost(double value, double target, double cheapestPaid)
    {
        var toTarget = target <= 0 ? (value <= 0 ? 1 : 0) : value <= target ? 1 : Math.Max(0, 1 - ((value - target) / target));
        var relative = value <= 0 || cheapestPaid <= 0 || value <= cheapestPaid ? 1 : Math.Clamp(1 - (Math.Log10(value / cheapestPaid) / CostDecades), 0, 1);
        return (toTarget + relative) / 2;
    }

    /// <summary>Declared properties with several checks: the share that passes.</summary>
    public static double Share(int met, int total) => total == 0 ? 1 : (double)met / total;

    /// <summary>Context window against the need: window / needed, capped at 1.</summary>
    public static double Coverage(long have, long need) => need <= 0 ? 1 : Math.Min(1, (double)have / need);
}
