using Shipgate.Launch;
using Shipgate.Reports;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>The launch verdict on the console: part table, what blocks launch, and the rollout stages.</summary>
internal static class LaunchRenderer
{
    public static void Render(IAnsiConsole console, LaunchReport report)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]Launch readiness: {report.Feature}[/] · candidate [bold]{report.CandidateId}[/] ({report.CandidateReason}) · run {report.RunId}");
        foreach (var w in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        }

        var parts = new Table().Border(TableBorder.Rounded).AddColumns("Part", "Status", "Summary");
        foreach (var p in report.Parts)
        {
            parts.AddRow(new Text(p.Name), new Markup(Status(p.Readiness)), new Text(p.Readiness.Summary));
        }

        console.Write(parts);
        foreach (var p in report.Parts.Where(p => !p.Readiness.Ready))
        {
            console.MarkupLineInterpolated($"[bold]{p.Name}[/]:");
            foreach (var r in p.Readiness.Reasons)
            {
                console.MarkupLineInterpolated($"  [red]✗[/] {r}");
            }
        }

        var stages = new Table().Border(TableBorder.Rounded).Title("Rollout plan").AddColumns("Stage", "Audience", "Length", "Promote");
        foreach (var s in report.Rollout.Stages)
        {
            stages.AddRow(new Text(s.Name), new Text(RolloutPart.Audience(s)), new Text(RolloutPart.Length(s)), new Text(s.Promotion));
        }

        console.Write(stages);
        var gates = report.Rollout.Gates;
        console.MarkupLine("Every stage is watched on these gates (shadow has no user feedback, so it skips that one); a breach beyond its 95% bound rolls back:");
        foreach (var g in gates)
        {
            console.MarkupLineInterpolated($"  {g.Metric} {g.Threshold} [grey]({g.Source})[/]");
        }

        console.MarkupLine(report.Ship
            ? "[green bold]SHIP[/]: every part is ready"
            : $"[red bold]NO-SHIP[/]: {report.Parts.Count(p => !p.Readiness.Ready)} of {report.Parts.Count} parts are not ready");
    }

    private static string Status(Readiness r) => r.Status switch
    {
        ReadinessStatus.Ready => "[green bold]READY[/]",
        ReadinessStatus.NotReady => "[red bold]NOT READY[/]",
        _ => "[yellow bold]NOT DECLARED[/]",
    };
}
