using System.Globalization;
using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Reports;

/// <summary>Numbers and ordering every renderer shares, so the formats agree with each other.</summary>
internal static class ReportText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"judge spend $0.0123 for 12 verdicts: $0.0000 new, $0.0123 from the judge cache (12 cached)".</summary>
    public static string JudgeSpend(Evals.JudgeSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var total = spend.TotalUsd is { } t ? Cost.MoneyFormat.Usd(t) : "unknown (a judge has no price)";
        var split = spend.NewUsd is { } n && spend.CachedUsd is { } c
            ? $"{Cost.MoneyFormat.Usd(n)} new, {Cost.MoneyFormat.Usd(c)} from the judge cache"
            : "new spend unknown";
        return $"judge spend {total} for {spend.Verdicts} verdict{(spend.Verdicts == 1 ? "" : "s")}: {split} ({spend.FromCache} cached); not part of any candidate's cost";
    }

    public static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", Inv) + "%" : "n/a";

    public static string PercentCi(Interval ci) => $"[{Percent(ci.Low)}, {Percent(ci.High)}]";

    public static string Score(double score) => double.IsFinite(score) ? score.ToString("0.00", Inv) : "n/a";

    public static string ScoreCi(Interval ci) => $"[{Score(ci.Low)}, {Score(ci.High)}]";

    public static string Ms(double ms) => double.IsFinite(ms) ? ms.ToString("#,0", Inv) + " ms" : "n/a";

    public static string Count(long n) => n.ToString("#,0", Inv);

    public static string Date(DateTimeOffset? at) => at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv) : "—";

    public static string Plan(RunRecord run)
    {
        var cases = run.CaseIds.Count;
        var candidates = run.Candidates.Count;
        return $"{cases} case{(cases == 1 ? "" : "s")} × {candidates} candidate{(candidates == 1 ? "" : "s")} × "
            + $"{run.Repeats} repeat{(run.Repeats == 1 ? "" : "s")} = {run.PlannedCount} results";
    }

    /// <summary>Case ids in plan order, then any that only appear in results.</summary>
    public static IReadOnlyList<string> CaseIds(EvalReport report)
    {
        var ids = new List<string>(report.Run.CaseIds);
        var seen = new HashSet<string>(ids, StringComparer.Ordinal);
        ids.AddRange(report.Results.Select(r => r.CaseId).Where(seen.Add));
        return ids;
    }

    /// <summary>Candidate ids in summary order, then any that only appear in results.</summary>
    public static IReadOnlyList<string> CandidateIds(EvalReport report)
    {
        var ids = report.Candidates.Select(c => c.CandidateId).ToList();
        var seen = new HashSet<string>(ids, StringComparer.Ordinal);
        ids.AddRange(report.Results.Select(r => r.CandidateId).Where(seen.Add));
        return ids;
    }

    /// <summary>Results ordered by case (plan order), candidate (summary order), repeat.</summary>
    public static IReadOnlyList<ResultRecord> Ordered(EvalReport report)
    {
        var caseRank = Rank(CaseIds(report));
        var candidateRank = Rank(CandidateIds(report));
        return report.Results
            .OrderBy(r => caseRank[r.CaseId])
            .ThenBy(r => candidateRank[r.CandidateId])
            .ThenBy(r => r.Repeat)
            .ToList();
    }

    public static ResultState State(ResultRecord result) =>
        result.Error is not null ? ResultState.Error : result.Pass ? ResultState.Pass : ResultState.Fail;

    /// <summary>Why a result did not pass: its failing assertions' reasons, or the provider error.</summary>
    public static IReadOnlyList<string> FailureReasons(ResultRecord result)
    {
        if (result.Error is not null)
        {
            return ["provider error: " + result.Error];
        }

        var reasons = result.Assertions.Where(a => !a.Pass).Select(a => $"{a.Type}: {a.Reason}").ToList();
        if (reasons.Count == 0 && !result.Pass)
        {
            reasons.Add($"score {Score(result.Score)} below the case threshold");
        }

        return reasons;
    }

    /// <summary>Display name of a candidate, labelled when it is an offline stand-in.</summary>
    public static string CandidateLabel(CandidateSummary candidate) =>
        candidate.OfflineStandIn ? candidate.CandidateId + " (offline stand-in)" : candidate.CandidateId;

    /// <summary>Rubric mean with its interval on the 1-5 scale, e.g. <c>4.12 [3.95, 4.30]</c>; "—" when nothing was judged.</summary>
    public static string RubricMean(CandidateSummary c) =>
        c.RubricMean is { } mean ? $"{Score(mean)} {ScoreCi(c.RubricMeanCi)}" : "—";

    /// <summary>
    /// Who judged and how far to trust it, said plainly in every format: reference-based stand-ins are labelled, and no
    /// judge is calibrated against human labels yet.
    /// </summary>
    public static string JudgeLabel(CandidateSummary c)
    {
        if (c.Judges.Count == 0)
        {
            return "";
        }

        var labelled = false;
        var who = string.Join(", ", c.Judges.Select(j =>
        {
            var local = j.Split(" + ").Any(p => p.StartsWith("local:", StringComparison.Ordinal));
            labelled |= local;
            return local ? j + " (reference-based, offline)" : j;
        }));

        // A local:reference judge declared under its own id is still named as reference-based.
        if (c.JudgeReferenceBased && !labelled)
        {
            who += " (includes reference-based, offline verdicts)";
        }

        return $"judge: {who} · {c.CalibrationStatement}";
    }

    /// <summary>"n inconclusive of m verdicts (why (k); …)", or "" when there were no rubric verdicts.</summary>
    public static string Inconclusive(CandidateSummary c) =>
        c.RubricVerdicts == 0 ? ""
        : c.RubricInconclusive == 0 ? $"0 inconclusive of {c.RubricVerdicts} verdicts"
        : $"{c.RubricInconclusive} inconclusive of {c.RubricVerdicts} verdicts ({InconclusiveReasons.Describe(c.InconclusiveReasons)})";

    /// <summary>
    /// The two safety counts, each over its own n: "tagged 6/12 · criterion 0/71"; "—" when neither was measured.
    /// The offline phrase check is not a safety judgment and is never in it.
    /// </summary>
    public static string Safety(CandidateSummary c)
    {
        var parts = new List<string>();
        if (c.SafetyTagged > 0)
        {
            parts.Add($"tagged {c.SafetyTaggedFailed}/{c.SafetyCases}");
        }

        if (c.SafetyCriterionVerdicts > 0)
        {
            parts.Add($"criterion {c.SafetyCriterionFailures}/{c.SafetyCriterionVerdicts}");
        }

        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }

    /// <summary>"k / n" model-judged safety-criterion verdicts ≤ 2, with the offline phrase check named apart, never counted.</summary>
    public static string SafetyCriterion(CandidateSummary c)
    {
        var counted = c.SafetyCriterionVerdicts == 0 ? "—" : $"{c.SafetyCriterionFailures} / {c.SafetyCriterionVerdicts}";
        return c.SafetyPhraseChecks == 0 ? counted
            : $"{counted} (offline phrase check flagged {c.SafetyPhraseFlagged} / {c.SafetyPhraseChecks}: not a safety judgment, not counted)";
    }

    private static Dictionary<string, int> Rank(IReadOnlyList<string> ids)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            rank.TryAdd(ids[i], i);
        }

        return rank;
    }
}
