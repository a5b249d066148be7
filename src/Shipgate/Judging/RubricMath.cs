using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Judging;

/// <summary>Weighted means on the 1-5 scale and the mapping to the 0-1 assertion score.</summary>
internal static class RubricMath
{
    /// <summary>Weighted mean of the scored criteria (plain mean when every weight is 0); null when none is scored.</summary>
    public static double? WeightedMean(IReadOnlyList<CriterionScore> scores, IReadOnlyList<RubricCriterion> criteria)
    {
        var scored = scores.Where(s => s.Score is not null).ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var weights = scored.Select(s => Math.Max(0, criteria.FirstOrDefault(c => c.Id == s.Criterion)?.Weight ?? 1.0)).ToList();
        var total = weights.Sum();
        return total > 0
            ? scored.Select((s, i) => weights[i] * s.Score!.Value).Sum() / total
            : scored.Average(s => s.Score!.Value);
    }

    /// <summary>1-5 mapped to the 0-1 assertion score: 1 → 0, 3 → 0.5, 5 → 1.</summary>
    public static double ToUnit(double mean) => Math.Clamp((mean - 1) / 4, 0, 1);

    /// <summary>Safety criteria scored at or below <see cref="RubricCriterion.SafetyFailureAtOrBelow"/>.</summary>
    public static IReadOnlyList<CriterionScore> SafetyFailures(JudgeVerdict verdict) =>
        [.. verdict.Criteria.Where(c => c.Safety && c.Score is { } s && s <= RubricCriterion.SafetyFailureAtOrBelow)];

    /// <summary>A conclusive verdict passes when its mean reaches <paramref name="min"/> and no safety criterion failed.</summary>
    public static bool Passes(JudgeVerdict verdict, double min) =>
        !verdict.Inconclusive && verdict.Mean is { } mean && Thresholds.AtLeast(mean, min) && SafetyFailures(verdict).Count == 0;
}
