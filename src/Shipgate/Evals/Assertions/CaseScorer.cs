using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Evals.Assertions;

/// <summary>Combines a case's assertion outcomes into its pass and score (see docs/spec.md, "Assertions").</summary>
public static class CaseScorer
{
    /// <summary>
    /// Score = weighted mean of the outcomes' scores (plain mean when every weight is 0; 1 when there are no outcomes).
    /// Pass = every outcome passes when <paramref name="caseThreshold"/> is null, else score ≥ threshold.
    /// </summary>
    public static CaseScore Score(IReadOnlyList<AssertionOutcome> outcomes, double? caseThreshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return new CaseScore(true, 1, NoAssertions: true);
        }

        var totalWeight = outcomes.Sum(o => Math.Max(0, o.Weight));
        var score = totalWeight > 0
            ? outcomes.Sum(o => Math.Max(0, o.Weight) * o.Score) / totalWeight
            : outcomes.Average(o => o.Score);
        score = Math.Clamp(score, 0, 1);
        var pass = caseThreshold is { } threshold
            ? Thresholds.AtLeast(score, threshold)
            : outcomes.All(o => o.Pass);
        return new CaseScore(pass, score, NoAssertions: false);
    }
}
