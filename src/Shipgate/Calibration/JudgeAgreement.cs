using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Calibration;

/// <summary>
/// Pairs each human label with the judge's score for the same output and criterion, and measures agreement per
/// (judge, criterion). Labels whose output has no conclusive judge verdict are counted, not guessed.
/// </summary>
public static class JudgeAgreement
{
    public const string Overall = "overall";

    public static (IReadOnlyList<CriterionAgreement> Agreements, int Unmatched) Compute(IReadOnlyList<HumanLabel> labels, IReadOnlyList<ResultRecord> results)
    {
        var byOutput = results.GroupBy(r => (r.RunId, r.CandidateId, r.CaseId, r.Repeat)).ToDictionary(g => g.Key, g => g.First());
        var pairs = new List<(string JudgeId, string Criterion, int Judge, int Human)>();
        var unmatched = 0;
        foreach (var label in labels)
        {
            var judged = byOutput.TryGetValue((label.RunId, label.CandidateId, label.CaseId, label.Repeat), out var result)
                ? result.Assertions.Select(a => a.Judge).FirstOrDefault(j => j is { Inconclusive: false })
                : null;
            int? score = judged is null ? null
                : label.Criterion is null ? (judged.Mean is { } mean ? (int)Math.Round(mean, MidpointRounding.AwayFromZero) : null)
                : judged.Criteria.FirstOrDefault(c => c.Criterion == label.Criterion)?.Score;
            if (judged is null || score is null)
            {
                unmatched++;
                continue;
            }

            pairs.Add((judged.JudgeId, label.Criterion ?? Overall, score.Value, label.Score));
        }

        var agreements = pairs
            .GroupBy(p => (p.JudgeId, p.Criterion))
            .OrderBy(g => g.Key.JudgeId, StringComparer.Ordinal).ThenBy(g => g.Key.Criterion, StringComparer.Ordinal)
            .Select(g => new CriterionAgreement(g.Key.Criterion, g.Key.JudgeId, Agreement.Summarize([.. g.Select(p => p.Judge)], [.. g.Select(p => p.Human)])))
            .ToList();
        return (agreements, unmatched);
    }
}
