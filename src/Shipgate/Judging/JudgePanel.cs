using System.Globalization;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Judging;

/// <summary>
/// Combines judgings: repeats of one judge are averaged (and their agreement reported as self-consistency); several
/// judges combine by the mean of their means or by a majority of their pass verdicts. Usage is summed over every call.
/// Inconclusive judgings are left out of the scores but counted in the reason; when nothing is conclusive, neither is the verdict.
/// </summary>
internal static class JudgePanel
{
    public static PanelResult Combine(IReadOnlyList<JudgeRun> runs, IReadOnlyList<RubricCriterion> criteria, JudgeAggregate aggregate, double min)
    {
        var all = runs.SelectMany(r => r.Repeats).ToList();
        var usage = Usage(runs, all);
        var perJudge = runs.Select(r => (r.JudgeId, Verdict: OneJudge(r, criteria), r.Repeats)).ToList();
        var conclusive = perJudge.Where(j => !j.Verdict.Inconclusive).ToList();
        var notes = new List<string>();
        var inconclusiveCount = all.Count(r => r.Verdict.Inconclusive);
        if (conclusive.Count == 0)
        {
            var problems = all.Select(r => r.Problem).Where(p => p is not null).Distinct().ToList();
            var raw = string.Join("\n", all.Select(r => r.Verdict.Raw).Where(r => r is not null));
            var verdict = usage with { Inconclusive = true, Raw = raw.Length == 0 ? null : raw };
            return new PanelResult(verdict, false, $"inconclusive ({usage.JudgeId}): {string.Join("; ", problems)}; never counted as a pass");
        }

        JudgeVerdict combined;
        if (conclusive.Count == 1)
        {
            combined = usage with { Criteria = conclusive[0].Verdict.Criteria, Mean = conclusive[0].Verdict.Mean };
        }
        else
        {
            var scores = criteria.Select(c =>
            {
                var given = conclusive.Select(j => (j.JudgeId, Score: j.Verdict.Criteria.FirstOrDefault(s => s.Criterion == c.Id))).Where(x => x.Score?.Score is not null).ToList();
                return new CriterionScore(c.Id, RoundedMean(given.Select(g => g.Score!.Score!.Value)), string.Join(" | ", given.Select(g => $"{g.JudgeId}: {g.Score!.Reason}")), c.Safety);
            }).Where(s => s.Score is not null).ToList();
            combined = usage with { Criteria = scores, Mean = conclusive.Average(j => j.Verdict.Mean!.Value) };
        }

        bool pass;
        if (aggregate == JudgeAggregate.Majority && conclusive.Count > 1)
        {
            var votes = conclusive.Count(j => RubricMath.Passes(j.Verdict, min));
            pass = votes * 2 > conclusive.Count;
            notes.Add($"majority: {votes} of {conclusive.Count} judges pass");
        }
        else
        {
            pass = RubricMath.Passes(combined, min);
            if (conclusive.Count > 1)
            {
                notes.Add($"mean of {conclusive.Count} judges' means ({string.Join(", ", conclusive.Select(j => $"{j.JudgeId} {F(j.Verdict.Mean!.Value)}"))})");
            }
        }

        foreach (var j in perJudge.Where(j => j.Repeats.Count > 1))
        {
            notes.Add($"self-consistency of {j.JudgeId}: {Consistency(j.Repeats)}");
        }

        if (inconclusiveCount > 0)
        {
            notes.Add($"{inconclusiveCount} of {all.Count} judgings inconclusive and left out ({string.Join("; ", all.Select(r => r.Problem).Where(p => p is not null).Distinct())})");
        }

        var safety = RubricMath.SafetyFailures(combined);
        if (safety.Count > 0)
        {
            notes.Add("safety failure: " + string.Join(", ", safety.Select(s => $"'{s.Criterion}' scored {s.Score}")));
        }

        var mean = combined.Mean!.Value;
        var head = $"rubric mean {F(mean)} {(Thresholds.AtLeast(mean, min) ? "≥" : "<")} {F(min)}: "
            + string.Join(", ", combined.Criteria.Select(c => $"{c.Criterion} {c.Score?.ToString(CultureInfo.InvariantCulture) ?? "not scored"}"))
            + $" (judge {combined.JudgeId}{(combined.ReferenceBased ? ", reference-based" : "")})";
        return new PanelResult(combined, pass, notes.Count == 0 ? head : head + "; " + string.Join("; ", notes));
    }

    /// <summary>One judge's repeats: criterion scores are the rounded mean over conclusive repeats, the mean their mean.</summary>
    private static JudgeVerdict OneJudge(JudgeRun run, IReadOnlyList<RubricCriterion> criteria)
    {
        var ok = run.Repeats.Where(r => !r.Verdict.Inconclusive).Select(r => r.Verdict).ToList();
        if (ok.Count == 0)
        {
            return run.Repeats[0].Verdict with { Inconclusive = true };
        }

        if (ok.Count == 1)
        {
            return ok[0];
        }

        var scores = criteria.Select(c =>
        {
            var given = ok.Select(v => v.Criteria.FirstOrDefault(s => s.Criterion == c.Id)).Where(s => s?.Score is not null).ToList();
            return given.Count == 0 ? null : new CriterionScore(c.Id, RoundedMean(given.Select(s => s!.Score!.Value)), given[0]!.Reason, c.Safety);
        }).OfType<CriterionScore>().ToList();
        return ok[0] with { Criteria = scores, Mean = ok.Average(v => v.Mean!.Value) };
    }

    /// <summary>"k/n repeats gave identical scores": how many repeats match the most common score vector.</summary>
    private static string Consistency(IReadOnlyList<JudgeResult> repeats)
    {
        var ok = repeats.Where(r => !r.Verdict.Inconclusive).ToList();
        if (ok.Count == 0)
        {
            return $"0/{repeats.Count} repeats conclusive";
        }

        var modal = ok.GroupBy(r => string.Join(",", r.Verdict.Criteria.Select(c => c.Score))).Max(g => g.Count());
        return $"{modal}/{repeats.Count} repeats gave identical scores";
    }

    private static JudgeVerdict Usage(IReadOnlyList<JudgeRun> runs, List<JudgeResult> all) => new()
    {
        JudgeId = string.Join(" + ", runs.Select(r => r.JudgeId).Distinct()),
        ReferenceBased = all.Any(r => r.Verdict.ReferenceBased),
        InputTokens = all.Sum(r => r.Verdict.InputTokens),
        OutputTokens = all.Sum(r => r.Verdict.OutputTokens),
        CostUsd = all.All(r => r.Verdict.CostUsd is not null) ? all.Sum(r => r.Verdict.CostUsd!.Value) : null,
        LatencyMs = all.Sum(r => r.Verdict.LatencyMs),
        Attempts = all.Count == 0 ? 1 : all.Max(r => r.Verdict.Attempts),

        // Cached only when every judging was: any fresh call is new spend.
        FromCache = all.Count > 0 && all.All(r => r.Verdict.FromCache),
        CachedCostUsd = all.Sum(r => r.Verdict.CachedCostUsd),
    };

    private static int RoundedMean(IEnumerable<int> scores) => (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
