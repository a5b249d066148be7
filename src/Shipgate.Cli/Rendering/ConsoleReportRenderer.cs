using Shipgate.Cost;
using System.Globalization;
using Shipgate.Evals;
using Shipgate.Reports;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>The verdict table, every gate check with its measured value, the warnings and the worst failures.</summary>
internal static class ConsoleReportRenderer
{
    private const int FailuresShown = 10;

    public static void Render(IAnsiConsole console, EvalReport report, bool quiet)
    {
        var run = report.Run;
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]{run.Feature}[/] · run {run.Id} · {run.Status.ToString().ToLowerInvariant()} · {report.Results.Count}/{run.PlannedCount} results");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Candidate", "Pass rate [[95% CI]]", "Mean score [[95% CI]]", "Safety fails", "Errors", "p95 latency", "Tokens in/out", "Cost / request", "Verdict");
        foreach (var c in report.Candidates)
        {
            var name = Markup.Escape(c.CandidateId) + (c.OfflineStandIn ? " [grey](offline stand-in)[/]" : "");
            table.AddRow(
                new Markup(name),
                new Text($"{c.PassRate:0.0%} {Pct(c.PassRateCi)}"),
                new Text($"{c.MeanScore:0.00} {c.MeanScoreCi}"),
                new Text(ReportText.Safety(c)),
                new Text(c.Errors.ToString(CultureInfo.InvariantCulture)),
                new Text($"{c.P95LatencyMs:0} ms"),
                new Text($"{c.InputTokens:N0}/{c.OutputTokens:N0}"),
                new Text(c.CostPerRequestUsd is { } cost ? MoneyFormat.Usd(cost) : "unknown"),
                new Markup(c.Verdict.Ship ? "[green bold]SHIP[/]" : "[red bold]NO-SHIP[/]"));
        }

        console.Write(table);
        foreach (var c in report.Candidates.Where(c => c.RubricVerdicts > 0))
        {
            console.MarkupLineInterpolated(
                $"[bold]{c.CandidateId}[/] rubric mean {ReportText.RubricMean(c)} (1-5, {c.RubricJudged} judged) · {ReportText.Inconclusive(c)} · judge tokens {c.JudgeInputTokens:N0}/{c.JudgeOutputTokens:N0}, judge cost {(c.JudgeCostUsd is { } jc ? MoneyFormat.Usd(jc) : "unknown")} (not in the candidate's cost)");
            console.MarkupLineInterpolated($"  [yellow]{ReportText.JudgeLabel(c)}[/]");
        }

        if (report.JudgeSpend.Verdicts > 0)
        {
            console.MarkupLineInterpolated($"[grey]{ReportText.JudgeSpend(report.JudgeSpend)}[/]");
        }

        foreach (var c in report.Candidates)
        {
            if (HallucinationFigures.Describe(c) is { } hallucination)
            {
                console.MarkupLineInterpolated($"[bold]{c.CandidateId}[/] {hallucination}");
            }
        }

        foreach (var c in report.Candidates)
        {
            console.MarkupLine($"[bold]{Markup.Escape(c.CandidateId)}[/]: {(c.Verdict.Ship ? "[green bold]SHIP[/]" : "[red bold]NO-SHIP[/]")}");
            foreach (var check in c.Verdict.Checks)
            {
                console.MarkupLine($"  {(check.Pass ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape($"{check.Name} {check.Threshold}: {check.Measured}")}");
            }

            foreach (var warning in c.Verdict.Warnings)
            {
                console.MarkupLineInterpolated($"  [yellow]![/] {warning}");
            }
        }

        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        if (quiet)
        {
            return;
        }

        var failures = report.Results.Where(r => !r.Pass).OrderBy(r => r.Score).ThenBy(r => r.CaseId, StringComparer.Ordinal).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        console.MarkupLineInterpolated($"[bold]Failures[/] ({failures.Count}; lowest scores first):");
        foreach (var r in failures.Take(FailuresShown))
        {
            var reason = r.Error ?? string.Join("; ", r.Assertions.Where(a => !a.Pass).Select(a => $"{a.Type}: {a.Reason}"));
            console.MarkupLineInterpolated($"  [red]✗[/] {r.CaseId} [grey]({r.CandidateId}{(r.Repeat > 0 ? $" #{r.Repeat}" : "")})[/] {reason}");
        }

        if (failures.Count > FailuresShown)
        {
            console.MarkupLineInterpolated($"  … {failures.Count - FailuresShown} more in the HTML report");
        }
    }

    private static string Pct(Interval ci) => $"[{ci.Low:0%}, {ci.High:0%}]";
}
