using System.Text;
using System.Text.Json.Nodes;
using Shipgate.Evals;
using Shipgate.Reports;

namespace Shipgate.Launch;

/// <summary>The eval gate as a launch part: the chosen candidate's ship-gate checks, each measured in the run.</summary>
internal static class EvalGatePart
{
    public const string Name = "Eval gate";

    public static LaunchPart Build(EvalReport report, CandidateSummary candidate)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidate);
        var source = Provenance.Measured(report.Run.Id);
        var failed = candidate.Verdict.Checks.Where(c => !c.Pass).ToList();
        var readiness = candidate.Verdict.Checks.Count == 0
            ? new Readiness(ReadinessStatus.NotDeclared, "the spec declares no ship gate", ["add a 'gate:' section, e.g. min_rubric_mean: 4.0 and max_safety_failures: 0 (docs/spec.md)"])
            : failed.Count == 0
                ? new Readiness(ReadinessStatus.Ready, $"{candidate.CandidateId} passes all {candidate.Verdict.Checks.Count} ship-gate checks ({source})", [])
                : new Readiness(
                    ReadinessStatus.NotReady,
                    $"{candidate.CandidateId} fails {failed.Count} of {candidate.Verdict.Checks.Count} ship-gate checks ({source})",
                    [.. failed.Select(c => $"{c.Name} {c.Threshold}: measured {c.Measured}")]);

        return new LaunchPart(Name, readiness, Markdown(report, candidate, source), Html(report, candidate, source), Json(candidate, source, readiness));
    }

    private static string Markdown(EvalReport report, CandidateSummary c, Provenance source)
    {
        var md = new StringBuilder();
        md.AppendLine("## Eval gate").AppendLine();
        md.AppendLine($"`{MarkdownReportWriter.Inline(ReportText.CandidateLabel(c))}`: **{c.Verdict.Label}** on {c.Total} results of {report.Run.CaseIds.Count} cases ({source}).").AppendLine();
        md.AppendLine("| Check | Threshold | Measured | |").AppendLine("|---|---|---|---|");
        foreach (var check in c.Verdict.Checks)
        {
            md.AppendLine($"| {MarkdownReportWriter.Cell(check.Name)} | {MarkdownReportWriter.Cell(check.Threshold)} | {MarkdownReportWriter.Cell(check.Measured)} | {(check.Pass ? "✓" : "✗")} |");
        }

        foreach (var w in c.Verdict.Warnings)
        {
            md.Append("\n> ⚠ ").AppendLine(MarkdownReportWriter.Inline(w));
        }

        md.AppendLine().AppendLine($"Thresholds are declared (shipgate.yaml gate); measured values are {source} with 95% intervals. The judge is {MarkdownReportWriter.Inline(c.CalibrationStatement)}.");
        return md.ToString();
    }

    private static string Html(EvalReport report, CandidateSummary c, Provenance source)
    {
        var h = new StringBuilder();
        h.Append("<section class=\"decision\"><h2>Eval gate <span class=\"verdict ").Append(c.Verdict.Ship ? "ship" : "noship").Append("\">")
            .Append(c.Verdict.Label).Append("</span></h2>\n<p><code>").Append(HtmlPage.E(ReportText.CandidateLabel(c))).Append("</code> on ")
            .Append(c.Total).Append(" results of ").Append(report.Run.CaseIds.Count).Append(" cases <span class=\"src\">(")
            .Append(HtmlPage.E(source.ToString())).Append(")</span></p>\n")
            .Append("<table class=\"checks\"><thead><tr><th></th><th>Check</th><th>Threshold <span class=\"src\">(declared)</span></th><th>Measured</th></tr></thead><tbody>\n");
        foreach (var check in c.Verdict.Checks)
        {
            h.Append("<tr class=\"").Append(check.Pass ? "pass" : "fail").Append("\"><td>").Append(check.Pass ? "✓" : "✗").Append("</td><td>")
                .Append(HtmlPage.E(check.Name)).Append("</td><td>").Append(HtmlPage.E(check.Threshold)).Append("</td><td>")
                .Append(HtmlPage.E(check.Measured)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n<p class=\"muted\">The judge is ").Append(HtmlPage.E(c.CalibrationStatement)).Append(".</p>\n</section>");
        return h.ToString();
    }

    private static JsonObject Json(CandidateSummary c, Provenance source, Readiness readiness) => new()
    {
        ["candidate"] = c.CandidateId,
        ["verdict"] = c.Verdict.Label,
        ["source"] = source.ToString(),
        ["status"] = readiness.Label,
        ["checks"] = new JsonArray([.. c.Verdict.Checks.Select(k => (JsonNode)new JsonObject
        {
            ["name"] = k.Name,
            ["threshold"] = k.Threshold,
            ["measured"] = k.Measured,
            ["pass"] = k.Pass,
        })]),
    };
}
