using Shipgate.Cost;
using System.Text;
using Shipgate.Evals;

namespace Shipgate.Reports;

/// <summary>
/// A Markdown summary for pull requests and CI job pages: run facts, one table row per candidate, each verdict with its
/// gate checks, warnings, and the failing results (capped, so it fits a PR comment).
/// </summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>Failing results listed before "N more"; the HTML report has them all.</summary>
    public const int MaxFailureRows = 50;

    public string Format => "markdown";

    public string FileExtension => "md";

    public string Render(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var run = report.Run;

        md.Append("# Shipgate eval: ").AppendLine(Inline(run.Feature)).AppendLine();
        var shipping = report.Candidates.Where(c => c.Verdict.Ship).Select(c => Inline(ReportText.CandidateLabel(c))).ToList();
        md.AppendLine(report.Ship
            ? $"**Verdict: SHIP** — passing the ship gate: {string.Join(", ", shipping)}"
            : "**Verdict: NO-SHIP** (no candidate passes the ship gate)").AppendLine();

        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| Run | `{Code(run.Id)}` |");
        md.AppendLine($"| Status | {run.Status} |");
        md.AppendLine($"| Started | {ReportText.Date(run.StartedAt)} |");
        md.AppendLine($"| Finished | {ReportText.Date(run.FinishedAt)} |");
        md.AppendLine($"| Spec hash | `{Code(run.SpecHash)}` |");
        md.AppendLine($"| Plan | {ReportText.Plan(run)} |");
        if (report.Pending > 0)
        {
            md.AppendLine($"| Pending | {report.Pending} results missing (run incomplete) |");
        }

        if (run.Error is not null)
        {
            md.AppendLine($"| Error | {Cell(run.Error)} |");
        }

        md.AppendLine().AppendLine("## Candidates").AppendLine();
        md.AppendLine("| Candidate | Provider | Verdict | Pass rate (95% CI) | Mean score (95% CI) | Safety failures | p50 / p95 latency | Tokens in / out | Cost / request | Total cost |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in report.Candidates)
        {
            md.Append("| ").Append(Cell(c.CandidateId)).Append(c.OfflineStandIn ? " *(offline stand-in)*" : "")
                .Append(" | ").Append(Cell(c.Provider))
                .Append(" | **").Append(c.Verdict.Label).Append("**")
                .Append(" | ").Append(ReportText.Percent(c.PassRate)).Append(' ').Append(ReportText.PercentCi(c.PassRateCi))
                .Append(" | ").Append(ReportText.Score(c.MeanScore)).Append(' ').Append(ReportText.ScoreCi(c.MeanScoreCi))
                .Append(" | ").Append(ReportText.Safety(c))
                .Append(" | ").Append(ReportText.Ms(c.P50LatencyMs)).Append(" / ").Append(ReportText.Ms(c.P95LatencyMs))
                .Append(" | ").Append(ReportText.Count(c.InputTokens)).Append(" / ").Append(ReportText.Count(c.OutputTokens))
                .Append(" | ").Append(MoneyFormat.Usd(c.CostPerRequestUsd))
                .Append(" | ").Append(MoneyFormat.Usd(c.TotalCostUsd))
                .AppendLine(" |");
        }

        var judged = report.Candidates.Where(c => c.RubricVerdicts > 0).ToList();
        if (judged.Count > 0)
        {
            md.AppendLine().AppendLine("## Rubric (judged 1-5)").AppendLine();
            md.AppendLine("| Candidate | Rubric mean (95% CI) | Judged | Inconclusive | Safety criterion failures | Judge | Judge tokens in / out | Judge cost |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var c in judged)
            {
                md.Append("| ").Append(Cell(ReportText.CandidateLabel(c)))
                    .Append(" | ").Append(ReportText.RubricMean(c))
                    .Append(" | ").Append(c.RubricJudged)
                    .Append(" | ").Append(c.RubricInconclusive).Append(" / ").Append(c.RubricVerdicts)
                    .Append(" | ").Append(Cell(ReportText.SafetyCriterion(c)))
                    .Append(" | ").Append(Cell(ReportText.JudgeLabel(c)))
                    .Append(" | ").Append(ReportText.Count(c.JudgeInputTokens)).Append(" / ").Append(ReportText.Count(c.JudgeOutputTokens))
                    .Append(" | ").Append(MoneyFormat.Usd(c.JudgeCostUsd))
                    .AppendLine(" |");
            }

            md.AppendLine().AppendLine($"Judge cost is not part of the candidates' cost. The judge is {report.Candidates[0].CalibrationStatement}.");
            md.AppendLine().AppendLine(Cell(ReportText.JudgeSpend(report.JudgeSpend)) + ".");
        }

        var grounded = report.Candidates.Select(c => (c, Text: HallucinationFigures.Describe(c))).Where(x => x.Text is not null).ToList();
        if (grounded.Count > 0)
        {
            md.AppendLine().AppendLine("## Groundedness").AppendLine();
            foreach (var (c, text) in grounded)
            {
                md.Append("- **").Append(Inline(ReportText.CandidateLabel(c))).Append("**: ").AppendLine(Inline(text!));
            }

            md.AppendLine().AppendLine("A result hallucinates when a claim of its output is contradicted by, or not found in, the case's context and the knowledge files (95% Wilson interval).");
        }

        md.AppendLine().AppendLine("## Ship gate").AppendLine();
        foreach (var c in report.Candidates)
        {
            var failed = c.Verdict.Checks.Where(k => !k.Pass).Select(k => Inline(k.Name)).ToList();
            md.Append("- **").Append(Inline(ReportText.CandidateLabel(c))).Append(": ").Append(c.Verdict.Label).Append("**")
                .AppendLine(failed.Count == 0
                    ? $" — all {c.Verdict.Checks.Count} gate checks pass"
                    : $" — failed: {string.Join(", ", failed)}");
            foreach (var check in c.Verdict.Checks)
            {
                md.Append("  - ").Append(check.Pass ? "✓ " : "✗ ").Append(Inline(check.Name)).Append(' ').Append(Inline(check.Threshold))
                    .Append(": measured ").AppendLine(Inline(check.Measured));
            }

            foreach (var warning in c.Verdict.Warnings)
            {
                md.Append("  - ⚠ ").AppendLine(Inline(warning));
            }
        }

        if (report.Warnings.Count > 0)
        {
            md.AppendLine().AppendLine("## Warnings").AppendLine();
            foreach (var warning in report.Warnings)
            {
                md.Append("- ").AppendLine(Inline(warning));
            }
        }

        var failures = ReportText.Ordered(report).Where(r => ReportText.State(r) != ResultState.Pass).ToList();
        md.AppendLine().AppendLine("## Failures").AppendLine();
        if (failures.Count == 0)
        {
            md.AppendLine("None: every result passed.");
            return md.ToString();
        }

        md.AppendLine("| Case | Candidate | Repeat | Score | Why |").AppendLine("|---|---|---|---|---|");
        foreach (var r in failures.Take(MaxFailureRows))
        {
            md.Append("| ").Append(Cell(r.CaseId)).Append(" | ").Append(Cell(r.CandidateId)).Append(" | ").Append(r.Repeat)
                .Append(" | ").Append(ReportText.State(r) == ResultState.Error ? "error" : ReportText.Score(r.Score))
                .Append(" | ").Append(Cell(string.Join("; ", ReportText.FailureReasons(r)))).AppendLine(" |");
        }

        if (failures.Count > MaxFailureRows)
        {
            md.AppendLine().AppendLine($"…and {failures.Count - MaxFailureRows} more failing results (see the HTML or JSON report).");
        }

        return md.ToString();
    }

    /// <summary>Text inside a table cell: one line, pipes escaped, HTML neutralised (outputs may contain tags).</summary>
    internal static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text on a Markdown line: newlines flattened, <c>&lt; &gt; &amp;</c> as entities so no tag is ever live.</summary>
    internal static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' => "",
                '\n' => " ",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Text inside inline code: backticks cannot be escaped there, so they are dropped.</summary>
    private static string Code(string text) => Inline(text).Replace("`", "", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
