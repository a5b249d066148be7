namespace Shipgate.Statistics;

/// <summary>Statistics over repeated runs of the same cases: how much a case's score moves, and which verdicts flip.</summary>
public static class Repeats
{
    /// <summary>
    /// Per-case mean and sample variance of the repeated scores (outer list: cases, inner: repeats), so a report can
    /// show which cases are unstable and how much of a run's spread is noise rather than quality.
    /// </summary>
    public static IReadOnlyList<CaseSpread> PerCaseVariance(IReadOnlyList<IReadOnlyList<double>> scoresPerCase)
    {
        var result = new CaseSpread[scoresPerCase.Count];
        for (var c = 0; c < scoresPerCase.Count; c++)
        {
            var scores = scoresPerCase[c];
            Inputs.RequireFinite(scores, $"{nameof(scoresPerCase)}[{c}]");
            var variance = Descriptive.Variance(scores);
            result[c] = new CaseSpread(
                c,
                scores.Count,
                Descriptive.Mean(scores),
                variance,
                Math.Sqrt(variance),
                scores.Count == 0 ? double.NaN : scores.Min(),
                scores.Count == 0 ? double.NaN : scores.Max());
        }

        return result;
    }

    /// <summary>
    /// Mean of the per-case variances over cases with at least two repeats (the pooled within-case variance, equal
    /// repeats assumed): the noise one run adds to a case's score. NaN when no case was repeated.
    /// </summary>
    public static double PooledWithinCaseVariance(IReadOnlyList<CaseSpread> spreads)
    {
        var repeated = spreads.Where(s => s.Repeats >= 2).Select(s => s.Variance).ToArray();
        return repeated.Length == 0 ? double.NaN : repeated.Average();
    }

    /// <summary>
    /// Indices of flaky cases: those whose verdict (pass/fail, or any comparable outcome such as inconclusive) is not
    /// the same in every repeat. A case that flips cannot be trusted to gate a release on a single run.
    /// </summary>
    public static IReadOnlyList<int> Flaky<TVerdict>(IReadOnlyList<IReadOnlyList<TVerdict>> verdictsPerCase)
    {
        var comparer = EqualityComparer<TVerdict>.Default;
        var flaky = new List<int>();
        for (var c = 0; c < verdictsPerCase.Count; c++)
        {
            var verdicts = verdictsPerCase[c];
            for (var r = 1; r < verdicts.Count; r++)
            {
                if (!comparer.Equals(verdicts[r], verdicts[0]))
                {
                    flaky.Add(c);
                    break;
                }
            }
        }

        return flaky;
    }
}
