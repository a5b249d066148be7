using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Risk;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate risk</c>: the hallucination risk assessment (framework 5) of a feature from its spec and an eval run.
/// Exit 0 when ready, 1 when not ready or nothing is declared, 2 on bad input.
/// </summary>
internal sealed class RiskCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<RiskSettings>(console, engine)
{
    protected override async Task<int> RunAsync(RiskSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var report = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        var assessment = RiskAssessor.Assess(spec, report, settings.Candidate);
        RiskConsoleRenderer.Render(Console, assessment, RunReportLoader.StaleWarning(report, spec));
        var folder = settings.Output is null
            ? Path.Combine(spec.StateDirectory, "reports", "risk")
            : Engine.Environment.ResolvePath(settings.Output);
        WriteFiles(assessment, folder, settings.FormatList);
        return assessment.Readiness.Ready ? ExitCodes.Ship : ExitCodes.NoShip;
    }

    private void WriteFiles(RiskAssessment assessment, string folder, IReadOnlyList<string> formats)
    {
        foreach (var format in formats.Select(f => f == "markdown" ? "md" : f).Distinct())
        {
            var (file, text) = format switch
            {
                "html" => ("risk.html", RiskHtml.Page(assessment)),
                "md" => ("risk.md", $"# {assessment.Feature}: hallucination risk\n\nRun {assessment.RunId}.\n\n{RiskMarkdown.Render(assessment)}"),
                _ => ("risk.json", RiskJson.Render(assessment)),
            };
            var path = Path.Combine(folder, file);
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(path, text);
                Console.MarkupLineInterpolated($"[grey]{format,-8}[/] {path}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The verdict stands; the files can be written again by re-running the command.
                Console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
            }
        }
    }
}
