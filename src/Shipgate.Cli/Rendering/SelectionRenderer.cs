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

        var table = new Table().Border(TableBorder.Rounded).Title($"model selection — run {a.RunId}")
            .Caption("scores 0-1 × weight; grey: where each figure came from (measured = this run; derived = run tokens × today's declared or catalog price)");
        table.AddColumn("candidate");
        table.AddColumn(CaseQuality.Name(a.Metric));
        table.AddColumn(new TableColumn("p95").RightAligned());
        table.AddColumn(new TableColumn("cost/request").RightAligned());
        var kinds = a.Requirements.Select(r => r.Kind).OrderBy(k => k).ToList();
        foreach (var k in kinds)
        {
            var r = a.Requirements.First(x => x.Kind == k);
            table.AddColumn(new TableColumn($"{Abbreviate(k)} ×{r.Weight}{(r.Hard ? "!" : "")}").RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var c in a.Candidates)
        {
            var name = Markup.Escape(c.CandidateId)
                + (c.CandidateId == a.Winner ? " [green]★ winner[/]" : c.Eliminated ? " [red]out[/]" : "")
                + $"\n[grey]{(c.Tier is null ? "" : SelectionMarkdown.Tier(c.Tier) + " · ")}{(c.OfflineStandIn ? "offline stand-in" : Markup.Escape(c.Provider))}[/]";
            var cells = new List<string>
            {
                name,
                $"{Markup.Escape(SelectionMarkdown.Quality(c, a.Metric))} [grey]{Kind(c.QualitySource)}[/]",
                $"{Markup.Escape(SelectionAnalyzer.Ms(c.P95LatencyMs))} [grey]{Kind(c.LatencySource)}[/]",
                $"{Markup.Escape(MoneyFormat.Usd(c.CostPerRequest))} [grey]{Kind(c.CostSource)}[/]",
            };
            foreach (var k in kinds)
            {
                var s = c.Scores.FirstOrDefault(x => x.Kind == k);
                var color = s is null ? "grey" : s.Met ? "green" : s.Hard ? "red" : "yellow";
                cells.Add(s is null ? "–" : $"[{color}]{s.Score.ToString("0.00", CultureInfo.InvariantCulture)}[/] [grey]{Kind(s.Source)}[/]");
            }

            cells.Add($"{SelectionAnalyzer.Points(c.Total)}\n[grey]of {c.MaxTotal.ToString("0.##", CultureInfo.InvariantCulture)}[/]");
            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (a.Requirements.Any(r => r.Hard))
        {
            console.MarkupLine("[grey]! = hard requirement: a candidate that fails it is out[/]");
        }

        if (a.CostScale is { } scale)
        {
            console.MarkupLineInterpolated($"[grey]cost scale: {scale}[/]");
        }

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

        var summary = Markup.Escape(ReviewCheck.Summary(triggers));
        console.MarkupLine(triggers.Any(t => t.Fired)
            ? $"[red bold]{summary}[/]: re-run 'shipgate eval' and 'shipgate select --write', and update the decision record"
            : triggers.Any(t => !t.Checked) ? $"[yellow bold]{summary}[/]" : $"[green bold]{summary}[/]");
    }

    private static string Kind(Reports.Provenance p) => p.Kind.ToString().ToLowerInvariant();

    private static string Abbreviate(RequirementKind kind) => kind switch
    {
        RequirementKind.FineTuning => "tuning",
        RequirementKind.PassRate => "pass",
        RequirementKind.ShipGate => "gate",
        RequirementKind.VendorDiversity => "vendors",
        _ => SelectionRequirement.KeyOf(kind),
    };
}
