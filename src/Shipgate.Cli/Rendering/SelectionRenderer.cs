using System.Globalization;
using Shipgate.Cost;
using Shipgate.Selection;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Console view of <c>shipgate select</c>: the matrix, hard-constraint failures, winner, robustness and router.</summary>
internal static class SelectionRenderer
{
    public static void Render(IAnsiConsole console, SelectionAnalysis a)
    {
        foreach (var w in a.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"model selection — run {a.RunId}");
        table.AddColumn("candidate");
        table.AddColumn(CaseQuality.Name(a.Metric));
        table.AddColumn(new TableColumn("p95").RightAligned());
        table.AddColumn(new TableColumn("cost/request").RightAligned());
        var kinds = a.Requirements.Select(r => r.Kind).OrderBy(k => k).ToList();
        foreach (var k in kinds)
        {
            var r = a.Requirements.First(x => x.Kind == k);
            table.AddColumn(new TableColumn($"{SelectionRequirement.KeyOf(k)} ×{r.Weight}{(r.Hard ? " (hard)" : "")}").RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var c in a.Candidates)
        {
            var name = Markup.Escape(c.CandidateId)
                + (c.CandidateId == a.Winner ? " [green]★ winner[/]" : c.Eliminated ? " [red]out[/]" : "")
                + $"\n[grey]{Markup.Escape(c.Provider)}{(c.Tier is null ? "" : " · " + SelectionMarkdown.Tier(c.Tier))}{(c.OfflineStandIn ? " · offline stand-in" : "")}[/]";
            var cells = new List<string>
            {
                name,
                $"{Markup.Escape(SelectionMarkdown.Quality(c, a.Metric))}\n[grey]{Markup.Escape(c.QualitySource.ToString())}[/]",
                $"{Markup.Escape(SelectionAnalyzer.Ms(c.P95LatencyMs))}\n[grey]{Markup.Escape(c.LatencySource.ToString())}[/]",
                $"{Markup.Escape(MoneyFormat.Usd(c.CostPerRequest))}\n[grey]{Markup.Escape(Short(c.CostSource.ToString()))}[/]",
            };
            foreach (var k in kinds)
            {
                var s = c.Scores.FirstOrDefault(x => x.Kind == k);
                var color = s is null ? "grey" : s.Met ? "green" : s.Hard ? "red" : "yellow";
                cells.Add(s is null ? "–" : $"[{color}]{s.Score.ToString("0.00", CultureInfo.InvariantCulture)}[/]\n[grey]{Markup.Escape(Short(s.Value))}[/]");
            }

            cells.Add($"{SelectionAnalyzer.Points(c.Total)}/{SelectionAnalyzer.Points(c.MaxTotal)}");
            table.AddRow([.. cells]);
        }

        console.Write(table);
        foreach (var c in a.Candidates.Where(c => c.Eliminated))
        {
            console.MarkupLineInterpolated($"[red]out[/] {c.CandidateId}: {string.Join("; ", c.EliminatedBecause)}");
        }

        var color2 = a.Readiness.Ready ? "green" : "red";
        console.MarkupLine($"[{color2} bold]{Markup.Escape(a.Readiness.Label)}[/] {Markup.Escape(a.Readiness.Summary)}");
        console.MarkupLineInterpolated($"[bold]robustness:[/] {a.Robustness.Statement}");
        console.MarkupLineInterpolated($"[bold]vendors:[/] {a.Vendors.Statement}");
        console.MarkupLineInterpolated($"[bold]router:[/] {a.RouterDetail.Statement}");
        console.MarkupLineInterpolated($"[bold]Pareto front:[/] {SelectionMarkdown.Front(a)}");
        if (a.CatalogSource is null)
        {
            console.MarkupLine("[grey]no price catalog: vendor, context window and prices come from shipgate.yaml only[/]");
        }
    }

    public static void RenderCheck(IAnsiConsole console, DecisionSnapshot snapshot, IReadOnlyList<ReviewTrigger> triggers)
    {
        console.MarkupLineInterpolated($"decision of {snapshot.DecidedAt:yyyy-MM-dd}: {snapshot.Winner ?? "no winner"} (run {snapshot.RunId})");
        foreach (var t in triggers)
        {
            var mark = !t.Checked ? "[grey]not checked[/]" : t.Fired ? "[red]FIRED[/]" : "[green]ok[/]";
            console.MarkupLine($"{mark}  {Markup.Escape(t.Name)}: {Markup.Escape(t.Detail)}");
        }

        console.MarkupLine(triggers.Any(t => t.Fired)
            ? "[red bold]REVIEW DUE[/]: re-run 'shipgate eval' and 'shipgate select --write', and update the decision record"
            : "[green bold]no review due[/]");
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
