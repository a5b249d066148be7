using System.Globalization;
using System.Text;
using Shipgate.Cost;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>The "## Model selection" section of the Markdown reports (select and launch); every figure names its source.</summary>
public static class SelectionMarkdown
{
    public static string Render(SelectionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var sb = new StringBuilder();
        sb.AppendLine("## Model selection").AppendLine();
        sb.AppendLine($"**{analysis.Readiness.Label}**: {analysis.Readiness.Summary}").AppendLine();
        foreach (var warning in analysis.Warnings)
        {
            sb.AppendLine($"> warning: {warning}");
        }

        if (analysis.Warnings.Count > 0)
        {
            sb.AppendLine();
        }

        if (analysis.Requirements.Count > 0)
        {
            sb.AppendLine("### Requirements").AppendLine();
            sb.Append(Requirements(analysis)).AppendLine();
        }

        sb.AppendLine("### Matrix").AppendLine();
        sb.Append(Matrix(analysis)).AppendLine();
        sb.Append(Eliminations(analysis));
        sb.AppendLine("### Decision").AppendLine();
        sb.AppendLine(analysis.Winner is null ? "- no winner: no candidate passes every hard constraint" : $"- winner: **{analysis.Winner}**");
        sb.AppendLine($"- robustness: {analysis.Robustness.Statement}");
        sb.AppendLine($"- vendors: {analysis.Vendors.Statement}");
        sb.AppendLine($"- router: {analysis.RouterDetail.Statement}");

        sb.AppendLine($"- Pareto front (quality vs cost): {Front(analysis)}");
        if (analysis.Candidates.Any(c => c.OfflineStandIn))
        {
            sb.AppendLine("- candidates marked *(offline stand-in)* are local approximations, not the hosted models; their prices are declared, not measured");
        }

        return sb.ToString();
    }

    internal static string Requirements(SelectionAnalysis a)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| requirement | weight | hard | target | source |");
        sb.AppendLine("|---|---:|---|---|---|");
        foreach (var r in a.Requirements)
        {
            sb.AppendLine($"| {r.Key} | {r.Weight} | {(r.Hard ? "yes" : "no")} | {Cell(Target(r))} | declared, shipgate.yaml selection.requirements.{r.Key} |");
        }

        return sb.ToString();
    }

    internal static string Target(SelectionRequirement r) => r.Kind switch
    {
        RequirementKind.Quality => $"{CaseQuality.Name(r.Metric)}{(r.Min is { } m ? " ≥ " + m.ToString("0.###", CultureInfo.InvariantCulture) : ", higher is better")}",
        RequirementKind.PassRate => r.Min is { } p ? $"pass rate ≥ {p.ToString("0.###", CultureInfo.InvariantCulture)}" : "pass rate, higher is better",
        RequirementKind.Safety => $"≤ {r.MaxFailures ?? 0} safety failures",
        RequirementKind.ShipGate => "passes the eval's ship gate",
        RequirementKind.Latency => $"p95 ≤ {SelectionAnalyzer.Ms(r.P95Ms ?? 0)}",
        RequirementKind.Cost => $"≤ {MoneyFormat.Usd(r.MaxPerRequest ?? 0)} per request",
        RequirementKind.Privacy => string.Join(", ", new[]
        {
            r.Regions is { Count: > 0 } regions ? "regions " + string.Join("/", regions) : null,
            r.NoTraining == true ? "no training on data" : null,
            r.SelfHosted == true ? "self-hosted" : null,
        }.OfType<string>()),
        RequirementKind.Context => $"≥ {(r.MinTokens ?? 0).ToString("#,0", CultureInfo.InvariantCulture)} tokens",
        RequirementKind.Modality => "takes " + string.Join(", ", r.Needs ?? []),
        RequirementKind.FineTuning => r.Needed == true ? "can be fine-tuned" : "not needed",
        _ => $"≥ {r.MinVendors} vendors among shipping candidates",
    };

    internal static string Matrix(SelectionAnalysis a)
    {
        var sb = new StringBuilder();
        var kinds = a.Requirements.Select(r => r.Kind).OrderBy(k => k).ToList();
        sb.Append("| candidate | tier | ").Append(CaseQuality.Name(a.Metric)).Append(" | p95 latency | cost/request |");
        foreach (var k in kinds)
        {
            sb.Append($" {SelectionRequirement.KeyOf(k)} (×{a.Requirements.First(r => r.Kind == k).Weight}) |");
        }

        sb.AppendLine(" total | status |");
        sb.Append("|---|---|---:|---:|---:|").Append(string.Concat(kinds.Select(_ => "---:|"))).AppendLine("---:|---|");
        foreach (var c in a.Candidates)
        {
            sb.Append($"| {Cell(c.CandidateId)}{(c.OfflineStandIn ? " *(offline stand-in)*" : "")} | {Tier(c.Tier)} | ");
            sb.Append($"{Cell(Quality(c, a.Metric))} ({c.QualitySource}) | {SelectionAnalyzer.Ms(c.P95LatencyMs)} ({c.LatencySource}) | {MoneyFormat.Usd(c.CostPerRequest)} ({Cell(c.CostSource.ToString())}) |");
            foreach (var k in kinds)
            {
                var s = c.Scores.FirstOrDefault(x => x.Kind == k);
                sb.Append(s is null ? " – |" : $" {s.Score.ToString("0.00", CultureInfo.InvariantCulture)}{(s.Met ? "" : s.Hard ? " ✗" : " !")} |");
            }

            var status = c.CandidateId == a.Winner ? "**winner**" : c.Eliminated ? "out" : "shortlisted";
            sb.AppendLine($" {SelectionAnalyzer.Points(c.Total)} / {SelectionAnalyzer.Points(c.MaxTotal)} | {status} |");
        }

        if (kinds.Count > 0)
        {
            sb.AppendLine().AppendLine("Scores are 0-1 per requirement (formulas in docs/select.md); total = Σ weight × score. ✗ fails a hard constraint, ! misses a soft one.");
            if (a.CostScale is { } scale)
            {
                sb.AppendLine().AppendLine($"Cost scale: {scale}.");
            }

            sb.AppendLine().AppendLine("Figures behind the scores:").AppendLine();
            foreach (var c in a.Candidates)
            {
                sb.AppendLine($"- {Cell(c.CandidateId)}: " + string.Join("; ", c.Scores.Select(s => $"{SelectionRequirement.KeyOf(s.Kind)} {s.Value} ({s.Source})")));
            }
        }

        return sb.ToString();
    }

    private static string Eliminations(SelectionAnalysis a)
    {
        var out_ = a.Candidates.Where(c => c.Eliminated).ToList();
        if (out_.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder("### Hard constraints\n\n");
        foreach (var c in out_)
        {
            sb.AppendLine($"- {c.CandidateId} is out: {string.Join("; ", c.EliminatedBecause)}");
        }

        return sb.AppendLine().ToString();
    }

    /// <summary>The front among candidates in the running; those that are out are named apart, never on it.</summary>
    internal static string Front(SelectionAnalysis a)
    {
        var front = a.Candidates.Where(c => c.OnParetoFront).OrderBy(c => c.CostPerRequest).Select(c => c.CandidateId).ToList();
        var dominated = a.Candidates.Where(c => !c.Eliminated && !c.OnParetoFront && c.Quality is not null && c.CostPerRequest is not null).Select(c => c.CandidateId).ToList();
        var out_ = a.Candidates.Where(c => c.Eliminated).Select(c => c.CandidateId).ToList();
        var outPart = out_.Count == 0 ? "" : $"; out (not on the front): {string.Join(", ", out_)}";
        return front.Count == 0
            ? "not drawn (no candidate in the running has both a quality and a cost)" + outPart
            : string.Join(" → ", front) + " (cheapest to most expensive)" + (dominated.Count == 0 ? "; none is dominated" : $"; dominated: {string.Join(", ", dominated)}") + outPart;
    }

    internal static string Quality(CandidateAssessment c, QualityMetric metric) =>
        c.Quality is not { } q ? "not measured"
            : SelectionAnalyzer.Number(q, metric) + (c.QualityCi is { } ci ? $" [{SelectionAnalyzer.Number(ci.Low, metric)}, {SelectionAnalyzer.Number(ci.High, metric)}]" : "");

    internal static string Tier(CandidateTier? tier) => tier switch
    {
        CandidateTier.Frontier => "frontier",
        CandidateTier.Efficient => "efficient",
        CandidateTier.OpenSource => "open-source",
        _ => "–",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
