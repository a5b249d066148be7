using Shipgate.Reports;
using Shipgate.Risk;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>The risk assessment on the console: the 4×4 matrix with the feature's cell highlighted, strategy, mitigation checks, budget, verdict.</summary>
internal static class RiskConsoleRenderer
{
    public static void Render(IAnsiConsole console, RiskAssessment a, string? staleWarning)
    {
        console.WriteLine();
        var candidate = a.CandidateId is null ? "" : $" · candidate {a.CandidateId}" + (a.OfflineStandIn ? " (offline stand-in)" : "") + (a.CandidateReason is { } why ? $" ({why})" : "");
        console.MarkupLineInterpolated($"[bold]{a.Feature}[/] · hallucination risk · run {a.RunId}{candidate}");
        if (staleWarning is not null)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {staleWarning}");
        }

        if (a.Risk is { } risk && a.Strategy is { } strategy)
        {
            console.MarkupLineInterpolated($"severity  [bold]{RiskLevels.Name(risk.Severity.Level)}[/]: {risk.Severity.Why} [grey]({RiskAssessment.SeveritySource})[/]");
            console.MarkupLineInterpolated($"detection [bold]{RiskLevels.Name(risk.Detection.Level)}[/]: {risk.Detection.Why} [grey]({RiskAssessment.DetectionSource})[/]");
            RenderMatrix(console, risk);
            console.MarkupLineInterpolated($"[bold]Strategy:[/] {strategy.Name} [grey]({(strategy.FromFramework ? "the framework's" : "derived by Shipgate, see docs/risk.md")})[/]");
            console.MarkupLineInterpolated($"  {strategy.Reasoning}");
            if (strategy.Caution is { } caution)
            {
                console.MarkupLineInterpolated($"  [yellow]caution:[/] {caution}");
            }

            RenderMitigations(console, a);
        }

        RenderBudget(console, a.Budget);
        console.WriteLine();
        var color = a.Readiness.Status switch { ReadinessStatus.Ready => "green", ReadinessStatus.NotReady => "red", _ => "yellow" };
        console.MarkupLine($"[{color} bold]{Markup.Escape(a.Readiness.Label)}[/] {Markup.Escape(a.Readiness.Summary)}");
        if (!a.Readiness.Ready)
        {
            foreach (var reason in a.Readiness.Reasons)
            {
                console.MarkupLineInterpolated($"  - {reason}");
            }
        }

        foreach (var warning in a.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }

    private static void RenderMatrix(IAnsiConsole console, RiskSpec risk)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("severity × detection ([grey]† derived by Shipgate[/])");
        table.AddColumn(new TableColumn("severity \\ detection"));
        foreach (var d in RiskMatrix.Detections)
        {
            table.AddColumn(new TableColumn(Markup.Escape(RiskLevels.Name(d))).Centered());
        }

        foreach (var s in RiskMatrix.Severities.Reverse())
        {
            var cells = new List<Markup> { new($"[bold]{Markup.Escape(RiskLevels.Name(s))}[/]") };
            foreach (var d in RiskMatrix.Detections)
            {
                var cell = RiskMatrix.Strategy(s, d);
                var name = Markup.Escape(cell.Name) + (cell.FromFramework ? "" : " †");
                cells.Add(s == risk.Severity.Level && d == risk.Detection.Level
                    ? new Markup($"[black on yellow bold]▶ {name}[/]")
                    : new Markup($"[grey]{name}[/]"));
            }

            table.AddRow(cells);
        }

        console.Write(table);
    }

    private static void RenderMitigations(IAnsiConsole console, RiskAssessment a)
    {
        var all = a.Checks.Concat(a.ExtraMitigations).ToList();
        var anyMissing = all.Any(c => !c.Met);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "Mitigation", "Status", "How we know");
        if (anyMissing)
        {
            table.AddColumn("What to do");
        }

        foreach (var c in all)
        {
            var status = c.Status switch
            {
                MitigationStatus.Configured => "[green]met (configuration)[/]",
                MitigationStatus.DeclaredOnly => "[green]met[/] [yellow](declared only)[/]",
                _ => "[red bold]MISSING[/]",
            };
            var row = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Markup(c.Status switch { MitigationStatus.Configured => "[green]✓[/]", MitigationStatus.DeclaredOnly => "[yellow]~[/]", _ => "[red]✗[/]" }),
                new Markup(Markup.Escape(c.Mitigation.Name) + (c.Required ? "" : " [grey](extra)[/]")),
                new Markup(status),
                new Markup($"{Markup.Escape(c.Evidence)} [grey]({Markup.Escape(c.Source.ToString())})[/]"),
            };
            if (anyMissing)
            {
                row.Add(new Text(c.WhatToDo ?? ""));
            }

            table.AddRow(row);
        }

        console.Write(table);
    }

    private static void RenderBudget(IAnsiConsole console, BudgetAssessment b)
    {
        var color = b.Met ? "green" : "red";
        console.MarkupLine($"[bold]Budget:[/] [{color}]{Markup.Escape(b.Statement)}[/]");
        foreach (var (name, value, source) in RiskMarkdown.BudgetRows(b))
        {
            console.MarkupLineInterpolated($"  {name}: {value} [grey]({source})[/]");
        }

        if (b.MeasuredBy is { } how)
        {
            console.MarkupLineInterpolated($"  measured by: {how} [grey]({Provenance.Declared("risk.budget.measured_by")})[/]");
        }

        console.MarkupLineInterpolated($"  [bold]rollback:[/] {b.RollbackTrigger ?? "no trigger declared: add risk.budget.rollback_at"}");
    }
}
