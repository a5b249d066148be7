using System.Text;
using Shipgate.Cost;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// The ADR-style decision record <c>shipgate select --write</c> keeps at <c>&lt;feature&gt;/decisions/model-selection.md</c>:
/// context, requirements and weights, the matrix, the decision and its reasoning, rejected options, review triggers
/// and consequences.
/// </summary>
internal static class DecisionRecord
{
    public static string Render(SelectionAnalysis a, FeatureSpec spec, DateTimeOffset decidedAt)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Decision: which model {spec.Name} ships with").AppendLine();
        var (status, reasons) = DecisionSnapshot.StatusOf(a);
        sb.AppendLine(status switch
        {
            DecisionSnapshot.Accepted => "- Status: accepted (the winner passes the ship gate on a run of today's spec)",
            DecisionSnapshot.Open => "- Status: open (no candidate passes every hard constraint)",
            _ => "- Status: proposed, not accepted: " + string.Join("; ", reasons),
        });
        sb.AppendLine($"- Date: {decidedAt:yyyy-MM-dd} (written by `shipgate select --write`; `shipgate select --check` reviews it)");
        sb.AppendLine($"- Evidence: eval run {a.RunId}{(a.CatalogSource is null ? "" : $"; price catalog {a.CatalogSource}")}");
        sb.AppendLine();

        sb.AppendLine("## Context").AppendLine();
        sb.AppendLine($"{spec.Description ?? spec.Name} — {a.Candidates.Count} candidate{(a.Candidates.Count == 1 ? "" : "s")} ran the same suite in run {a.RunId}, so every quality comparison below is paired case by case.");
        if (a.Candidates.Any(c => c.OfflineStandIn))
        {
            sb.AppendLine().AppendLine("Some candidates are offline stand-ins (local approximations of the hosted models they are named after); their costs come from the prices declared for them, not from a real bill. Re-run with the real endpoints before relying on this decision.");
        }

        sb.AppendLine().AppendLine("## Requirements and weights").AppendLine();
        sb.Append(a.Requirements.Count == 0 ? "None declared.\n" : SelectionMarkdown.Requirements(a)).AppendLine();
        sb.AppendLine("## Matrix").AppendLine();
        sb.Append(SelectionMarkdown.Matrix(a)).AppendLine();

        sb.AppendLine("## Decision").AppendLine();
        var winner = a.Get(a.Winner);
        if (winner is null)
        {
            sb.AppendLine("No candidate passes every hard constraint, so none is chosen. Relax a hard requirement or add a candidate, then run `shipgate select --write` again.");
        }
        else
        {
            sb.AppendLine($"Use **{winner.CandidateId}** (`{winner.Provider}`): {SelectionAnalyzer.Points(winner.Total)} of {SelectionAnalyzer.Points(winner.MaxTotal)} points, "
                + $"{CaseQuality.Name(a.Metric)} {SelectionMarkdown.Quality(winner, a.Metric)}, p95 {SelectionAnalyzer.Ms(winner.P95LatencyMs)}, {MoneyFormat.Usd(winner.CostPerRequest)} per request.");
            sb.AppendLine();
            // Only requirements where the winner is strictly ahead of every other candidate in the running.
            var others = a.Candidates.Where(c => c.CandidateId != winner.CandidateId && !c.Eliminated).ToList();
            var strong = winner.Scores
                .Select(s => (Score: s, Lead: others.Count == 0 ? s.Points : s.Points - others.Max(o => PointsOf(o, s.Kind))))
                .Where(x => x.Lead >= 0.005)
                .OrderByDescending(x => x.Score.Weight * x.Lead)
                .Select(x => $"{SelectionRequirement.KeyOf(x.Score.Kind)} ({x.Score.Value}; {(others.Count == 0 ? "" : "+")}{SelectionAnalyzer.Points(x.Lead)} points{(others.Count == 0 ? "" : " over the next best")})")
                .ToList();
            sb.AppendLine(strong.Count > 0
                ? $"It scores best where it matters: {string.Join(", ", strong)}."
                : "It is not strictly ahead on any single requirement; it wins on the weighted sum.");

            sb.AppendLine($"Robustness: {a.Robustness.Statement}.");
        }

        if (a.Warnings.Count > 0)
        {
            sb.AppendLine();
            foreach (var warning in a.Warnings)
            {
                sb.AppendLine($"> warning: {warning}");
            }
        }

        sb.AppendLine().AppendLine("## Rejected options").AppendLine();
        var rejected = a.Candidates.Where(c => c.CandidateId != a.Winner).ToList();
        if (rejected.Count == 0)
        {
            sb.AppendLine("None: there was one candidate.");
        }

        foreach (var c in rejected)
        {
            var why = c.Eliminated
                ? "fails a hard constraint: " + string.Join("; ", c.EliminatedBecause)
                : winner is null ? $"{SelectionAnalyzer.Points(c.Total)} points" : $"{SelectionAnalyzer.Points(c.Total)} points, {SelectionAnalyzer.Points(winner.Total - c.Total)} behind {winner.CandidateId}" + Behind(c, winner);
            sb.AppendLine($"- **{c.CandidateId}** (`{c.Provider}`): {why}{(winner is null ? "" : Better(c, winner))}");
        }

        sb.AppendLine().AppendLine("## Review triggers").AppendLine();
        sb.AppendLine("`shipgate select --check` (run it on a schedule) exits 1 when any of these fires:").AppendLine();
        var shortlistFamilies = a.Candidates.Where(c => !c.Eliminated && c.Family is not null).Select(c => c.Family!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        sb.AppendLine($"- a new model in the price catalog for a shortlisted family ({(shortlistFamilies.Count == 0 ? "none declared: add `family:` to candidates" : string.Join(", ", shortlistFamilies))})");
        sb.AppendLine($"- a price change over {SelectionAnalyzer.Pct(a.Review.PriceChange)} for a shortlisted candidate (declared pricing or catalog)");
        sb.AppendLine(a.Review.QualityDrop is { } drop
            ? $"- a drop of the chosen candidate's {CaseQuality.Name(a.Metric)} by more than {drop:0.###} in the latest run"
            : $"- the chosen candidate's {CaseQuality.Name(a.Metric)} in the latest run falling below this decision's 95% CI{(winner?.QualityCi is { } ci ? $" ({SelectionAnalyzer.Number(ci.Low, a.Metric)})" : "")}");
        sb.AppendLine($"- this decision being older than {a.Review.MaxAgeDays} days");

        sb.AppendLine().AppendLine("## Consequences").AppendLine();
        if (winner is not null)
        {
            sb.AppendLine($"- Cost per request: {MoneyFormat.Usd(winner.CostPerRequest)} ({winner.CostSource}); `shipgate cost` turns it into unit economics.");
        }

        sb.AppendLine($"- Vendors: {a.Vendors.Statement}.");
        sb.AppendLine($"- Routing: {a.RouterDetail.Statement}.");
        if (a.RouterDetail.Policy is not null)
        {
            sb.AppendLine("- The router policy is in `router-policy.json` next to shipgate.yaml.");
        }

        return sb.ToString();
    }

    private static double PointsOf(CandidateAssessment c, RequirementKind kind) => c.Scores.FirstOrDefault(s => s.Kind == kind)?.Points ?? 0;

    /// <summary>What a rejected option does better than the winner, so the trade-off is on the record.</summary>
    private static string Better(CandidateAssessment c, CandidateAssessment winner)
    {
        var better = c.Scores
            .Select(s => (Score: s, Gain: s.Points - PointsOf(winner, s.Kind)))
            .Where(x => x.Gain >= 0.005)
            .OrderByDescending(x => x.Gain)
            .Select(x => $"{SelectionRequirement.KeyOf(x.Score.Kind)} +{SelectionAnalyzer.Points(x.Gain)} ({x.Score.Value})")
            .ToList();
        return better.Count == 0 ? $"; better than {winner.CandidateId} on no requirement" : $"; better than {winner.CandidateId} on {string.Join(", ", better)}";
    }

    private static string Behind(CandidateAssessment c, CandidateAssessment winner)
    {
        var gaps = c.Scores
            .Select(s => (s.Kind, Gap: (winner.Scores.FirstOrDefault(w => w.Kind == s.Kind)?.Points ?? 0) - s.Points))
            .Where(g => g.Gap > 0.005)
            .OrderByDescending(g => g.Gap)
            .Take(2)
            .Select(g => $"{SelectionRequirement.KeyOf(g.Kind)} −{SelectionAnalyzer.Points(g.Gap)}")
            .ToList();
        return gaps.Count == 0 ? "" : $" (mostly on {string.Join(", ", gaps)})";
    }
}
