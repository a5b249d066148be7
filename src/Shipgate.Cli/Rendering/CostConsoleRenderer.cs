using System.Globalization;
using Shipgate.Cost;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Console output of <c>shipgate cost</c> and <c>shipgate prices show</c>: Spectre tables, sources in grey.</summary>
internal static class CostConsoleRenderer
{
    public static void Render(IAnsiConsole console, CostAnalysis analysis)
    {
        var r = analysis.Readiness;
        var colour = r.Ready ? "green" : r.Status == Reports.ReadinessStatus.NotDeclared ? "yellow" : "red";
        console.MarkupLineInterpolated($"[bold]Unit economics[/] of [bold]{analysis.Feature}[/], run {analysis.RunId} · costed candidate [bold]{analysis.CandidateId}[/] ({analysis.CandidateReason})");
        console.MarkupLineInterpolated($"[grey]prices: {analysis.CatalogSource}, prices as of {CostText.Date(analysis.CatalogDate)}[/]");
        // A warning that is also a readiness note is printed once, with the verdict at the end.
        foreach (var w in analysis.Warnings.Except(r.Reasons))
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        }

        var drivers = new Table().Border(TableBorder.Rounded).Title("cost drivers per candidate");
        drivers.AddColumns("candidate", "requests", "input tok mean/p50/p95", "output tok mean/p50/p95", "cost/request", "p95", "price");
        foreach (var c in analysis.Candidates)
        {
            var name = Markup.Escape(c.CandidateId) + (c.OfflineStandIn ? " [grey](offline stand-in)[/]" : "") + (c.CandidateId == analysis.CandidateId ? " [bold]←[/]" : "");
            drivers.AddRow(
                new Markup(name),
                new Text(c.Requests.ToString(CultureInfo.InvariantCulture)),
                new Markup($"{CostText.Stats(c.InputTokens)}\n[grey]{Markup.Escape(c.TokenSource)}[/]"),
                new Text(CostText.Stats(c.OutputTokens)),
                new Text(MoneyFormat.Usd(c.CostPerRequestMean?.Value)),
                new Text(MoneyFormat.Usd(c.CostPerRequestP95?.Value)),
                new Markup($"{Markup.Escape(CostText.Price(c.Price))}\n[grey]{Markup.Escape(c.PriceSource.ToString())}[/]"));
        }

        console.Write(drivers);
        if (analysis.Economics is { } e)
        {
            var t = new Table().Border(TableBorder.Rounded).Title($"unit economics of {Markup.Escape(analysis.CandidateId)}");
            t.AddColumns("figure", "value", "source");
            Row(t, "cost per request (model + other + online judge)", e.CostPerRequest);
            t.AddRow(new Text("  of which online judge (sampled)"), new Text(MoneyFormat.Usd(e.OnlineJudgeCostPerRequest?.Value)), new Markup($"[grey]{Markup.Escape(e.OnlineJudge)}[/]"));
            Row(t, "cost per user per month", e.CostPerUserPerMonth);
            Row(t, $"feature cost per month ({CostText.Users(e.Users)} users)", e.FeatureCostPerMonth);
            Row(t, "revenue per user per month", e.RevenuePerUserPerMonth);
            var bandColour = e.Band switch { CostBand.Problem => "red", CostBand.Watch => "yellow", _ => "green" };
            t.AddRow(new Text("AI cost as % of revenue"), new Markup($"[{bandColour}]{CostText.Share(e.ShareOfRevenue)} {Markup.Escape(CostBands.Label(e.Band))}[/]"), new Markup("[grey]derived[/]"));
            Row(t, "margin per user per month", e.MarginPerUser);
            console.Write(t);
            var s = new Table().Border(TableBorder.Rounded).Title("at scale");
            s.AddColumns("scale", "users", "monthly AI cost", "% of revenue", "margin per user", "monthly margin after AI");
            foreach (var p in analysis.Projections)
            {
                s.AddRow(CostText.Multiple(p.Multiple), CostText.Users(p.Users), MoneyFormat.Usd(p.MonthlyCost), CostText.Share(p.ShareOfRevenue), MoneyFormat.Usd(p.MarginPerUser), MoneyFormat.Usd(p.MonthlyMargin));
            }

            console.Write(s);
        }

        var levers = new Table().Border(TableBorder.Rounded).Title("optimisation levers");
        levers.AddColumns("lever", "saving", "per month", "effort", "source");
        foreach (var l in analysis.Levers)
        {
            levers.AddRow(
                new Text(l.Name),
                new Text(CostText.Saving(l)),
                new Text(CostText.Monthly(l)),
                new Text(CostText.Effort(l.Effort)),
                new Markup($"[grey]{Markup.Escape(l.Source.ToString())}[/]"));
        }

        console.Write(levers);
        if (analysis.Guardrails.Count > 0)
        {
            var g = new Table().Border(TableBorder.Rounded).Title("guardrails");
            g.AddColumns("guardrail", "proposed", "declared", "rule");
            foreach (var x in analysis.Guardrails)
            {
                g.AddRow(
                    new Text(x.Name),
                    new Text(MoneyFormat.Usd(x.Proposed)),
                    new Markup((x.Declared is { } d ? Markup.Escape(MoneyFormat.Usd(d)) : "—") + (x.Problem is not null ? $"\n[yellow]{Markup.Escape(CostText.Check(x))}[/]" : x.Note is not null ? $"\n[grey]{Markup.Escape(CostText.Check(x))}[/]" : "")),
                    new Markup($"{Markup.Escape(x.Rule)}\n[grey]{Markup.Escape(x.Source.ToString())}[/]"));
            }

            console.Write(g);
        }

        console.MarkupLineInterpolated($"[bold {colour}]{r.Label}[/] {r.Summary}");
        var mark = r.Status == Reports.ReadinessStatus.NotReady ? "[red]✗[/]" : "[yellow]![/]";
        foreach (var reason in r.Reasons)
        {
            console.MarkupLine($"  {mark} {Markup.Escape(reason)}");
        }
    }

    public static void RenderCatalog(IAnsiConsole console, PriceCatalog catalog, IReadOnlyList<ModelPrice> models, TimeProvider time)
    {
        console.MarkupLineInterpolated($"[bold]price catalog[/]: {catalog.Source}");
        var imported = catalog.ImportedOn is { } on ? $"imported on {CostText.Date(on)}" : "import date not recorded";
        console.MarkupLineInterpolated($"[grey]prices as of {CostText.Date(catalog.Date)} ({PriceCatalogs.AgeDays(catalog, time).ToString(CultureInfo.InvariantCulture)} days old); {imported}; {CostText.Users(catalog.Models.Count)} models; USD per 1M tokens[/]");
        if (PriceCatalogs.StaleWarning(catalog, time) is { } stale)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {stale}");
        }

        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumns("model", "provider");
        foreach (var column in new[] { "input", "output", "cached input", "cache write", "reasoning out", "max input" })
        {
            t.AddColumn(new TableColumn(column).RightAligned());
        }

        t.AddColumn("vision");
        foreach (var m in models)
        {
            t.AddRow(
                Markup.Escape(m.Model),
                Markup.Escape(m.Provider ?? ""),
                CostText.PerMillion(m.InputPerToken),
                CostText.PerMillion(m.OutputPerToken),
                m.CachedInputPerToken is { } c ? CostText.PerMillion(c) : "—",
                m.CacheWritePerToken is { } w ? CostText.PerMillion(w) : "—",
                m.ReasoningOutputPerToken is { } r ? CostText.PerMillion(r) : "—",
                m.MaxInputTokens is { } mi ? mi.ToString("#,0", CultureInfo.InvariantCulture) : "—",
                m.SupportsVision switch { true => "yes", false => "no", _ => "—" });
        }

        console.Write(t);
    }

    private static void Row(Table t, string name, CostFigure f) =>
        t.AddRow(new Text(name), new Text(MoneyFormat.Usd(f.Value)), new Markup($"[grey]{Markup.Escape(f.Source.ToString())}[/]"));
}
