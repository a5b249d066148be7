namespace Shipgate.Selection;

/// <summary>
/// The normalisation formulas of the matrix (docs/select.md, "Scoring"): every figure becomes a 0-1 score.
/// Pure functions so each formula can be checked by hand.
/// </summary>
internal static class RequirementScorer
{
    /// <summary>Quality between the declared bar and the top of the scale: (q - min) / (max - min), clamped to 0-1.</summary>
    public static double Quality(double value, double min, double scaleMax) =>
        scaleMax <= min ? (value >= min ? 1 : 0) : Math.Clamp((value - min) / (scaleMax - min), 0, 1);

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

    /// <summary>Declared properties with several checks: the share that passes.</summary>
    public static double Share(int met, int total) => total == 0 ? 1 : (double)met / total;

    /// <summary>Context window against the need: window / needed, capped at 1.</summary>
    public static double Coverage(long have, long need) => need <= 0 ? 1 : Math.Min(1, (double)have / need);
}
