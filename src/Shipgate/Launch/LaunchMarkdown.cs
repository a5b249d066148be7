using System.Text;
using Shipgate.Reports;

namespace Shipgate.Launch;

/// <summary>The launch report as one Markdown document: verdict, a part-by-part table, what blocks launch, then each part's section.</summary>
internal static class LaunchMarkdown
{
    public static string Render(LaunchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Launch readiness: ").AppendLine(MarkdownReportWriter.Inline(report.Feature)).AppendLine();
        md.AppendLine(report.Ship
            ? $"**Verdict: SHIP** `{MarkdownReportWriter.Inline(report.CandidateId)}`: every part is ready."
            : $"**Verdict: NO-SHIP** for `{MarkdownReportWriter.Inline(report.CandidateId)}`: {report.Parts.Count(p => !p.Readiness.Ready)} of {report.Parts.Count} parts are not ready.").AppendLine();
        md.AppendLine($"Candidate `{MarkdownReportWriter.Inline(report.CandidateId)}` ({MarkdownReportWriter.Inline(report.CandidateReason)}), measured in run `{MarkdownReportWriter.Inline(report.RunId)}`; generated {ReportText.Date(report.GeneratedAt)}.").AppendLine();
        if (report.Warnings.Count > 0)
        {
            foreach (var w in report.Warnings)
            {
                md.Append("> ⚠ ").AppendLine(MarkdownReportWriter.Inline(w));
            }

            md.AppendLine();
        }

        md.AppendLine("| Part | Status | Summary |").AppendLine("|---|---|---|");
        foreach (var p in report.Parts)
        {
            md.AppendLine($"| {MarkdownReportWriter.Cell(p.Name)} | **{p.Readiness.Label}** | {MarkdownReportWriter.Cell(p.Readiness.Summary)} |");
        }

        var blockers = report.Parts.Where(p => !p.Readiness.Ready).ToList();
        if (blockers.Count > 0)
        {
            md.AppendLine().AppendLine("## What blocks launch").AppendLine();
            foreach (var p in blockers)
            {
                md.Append("- **").Append(MarkdownReportWriter.Inline(p.Name)).Append("**: ").AppendLine(MarkdownReportWriter.Inline(p.Readiness.Summary));
                foreach (var r in p.Readiness.Reasons)
                {
                    md.Append("  - ").AppendLine(MarkdownReportWriter.Inline(r));
                }
            }
        }

        foreach (var p in report.Parts)
        {
            md.AppendLine().AppendLine(p.Markdown.TrimEnd());
        }

        md.AppendLine().AppendLine("---").AppendLine("Every number says where it came from: *measured* (an eval run), *declared* (shipgate.yaml), *catalog* (the price catalog), *estimated* (an assumption, named) or *derived* (computed from those).");
        return md.ToString();
    }
}
