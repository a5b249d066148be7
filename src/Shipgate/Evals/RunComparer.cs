using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>
/// Pairs two sets of results by case (repeats averaged per case, so a case counts once) and runs the paired
/// statistics: the unit of evidence is the case, which is what the suite's size buys.
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(string labelA, IReadOnlyList<ResultRecord> a, string labelB, IReadOnlyList<ResultRecord> b)
    {
        var byCaseA = PerCase(a);
        var byCaseB = PerCase(b);
        var shared = byCaseA.Keys.Intersect(byCaseB.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (shared.Count < 2)
        {
            throw new EvalUsageException(
                $"{labelA} and {labelB} share {shared.Count} case(s); a comparison needs the same cases on both sides (at least 2)");
        }

        var cases = shared.Select(id => new CaseComparison(id, byCaseA[id].Score, byCaseB[id].Score, byCaseA[id].Pass, byCaseB[id].Pass)).ToList();
        return new RunComparison
        {
            LabelA = labelA,
            LabelB = labelB,
            Cases = cases,
            Unpaired = byCaseA.Count + byCaseB.Count - (2 * shared.Count),
            Scores = PairedComparison.Compare([.. cases.Select(c => c.ScoreA)], [.. cases.Select(c => c.ScoreB)]),
            PassRateA = cases.Average(c => c.PassA),
            PassRateB = cases.Average(c => c.PassB),
        };
    }

    private static Dictionary<string, (double Score, double Pass)> PerCase(IReadOnlyList<ResultRecord> results) =>
        results.GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Average(r => r.Score), g.Average(r => r.Pass ? 1.0 : 0.0)), StringComparer.Ordinal);
}
