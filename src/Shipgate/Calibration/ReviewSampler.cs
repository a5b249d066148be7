using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Calibration;

/// <summary>
/// Picks outputs for people to score, spread across tags and score levels: calibration on only easy passes
/// would say nothing about the cases where the judge matters.
/// </summary>
public static class ReviewSampler
{
    public static IReadOnlyList<ResultRecord> Sample(IReadOnlyList<ResultRecord> results, IReadOnlyCollection<HumanLabel> existing, string labeler, int count, int seed = Bootstrap.DefaultSeed)
    {
        var done = existing.Where(l => l.Labeler == labeler && l.Criterion is null)
            .Select(l => (l.RunId, l.CandidateId, l.CaseId, l.Repeat)).ToHashSet();
        var random = new SeededRandom((ulong)seed);
        var strata = results
            .Where(r => r.Error is null && r.Output is not null && !done.Contains((r.RunId, r.CandidateId, r.CaseId, r.Repeat)))
            .GroupBy(r => (Tag: r.Tags.Count > 0 ? r.Tags[0] : "untagged", Level: Level(r.Score)))
            .OrderBy(g => g.Key.Tag, StringComparer.Ordinal).ThenBy(g => g.Key.Level)
            .Select(g => Shuffle([.. g.OrderBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.CandidateId, StringComparer.Ordinal).ThenBy(r => r.Repeat)], ref random))
            .ToList();

        // Round-robin across strata so every tag and score level is represented before any repeats.
        var picked = new List<ResultRecord>();
        for (var round = 0; picked.Count < count && strata.Any(s => s.Count > round); round++)
        {
            foreach (var stratum in strata.Where(s => s.Count > round))
            {
                if (picked.Count == count)
                {
                    break;
                }

                picked.Add(stratum[round]);
            }
        }

        return picked;
    }

    /// <summary>Low (&lt; 0.5), middle, full marks: three levels are enough to keep failures in the sample.</summary>
    private static int Level(double score) => score < 0.5 ? 0 : score < 1 ? 1 : 2;

    private static List<ResultRecord> Shuffle(List<ResultRecord> items, ref SeededRandom random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
