using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate cost</c>: unit economics of the feature from its latest eval run and a price catalog.</summary>
internal sealed class CostCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<CostSettings>(console, engine)
{
    protected override async Task<int> RunAsync(CostSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        PriceCatalog catalog;
        try
        {
            catalog = PriceCatalogs.Load(
                settings.Prices is null ? null : Engine.Environment.ResolvePath(settings.Prices),
                PriceCatalogs.Home(Engine.Environment.GetVariable),
                Engine.Environment.Time);
        }
        catch (PriceCatalogException ex)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Usage;
        }

        var report = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        var analysis = CostAnalyzer.Analyze(spec, report, catalog, Engine.Environment.Time, routing: null, candidateId: settings.Candidate, users: settings.Users);
        if (RunReportLoader.StaleWarning(report, spec) is { } staleRun)
        {
            analysis = analysis with { Warnings = [.. analysis.Warnings, staleRun] };
        }

        CostConsoleRenderer.Render(Console, analysis);
        var folder = settings.Output is null
            ? Path.Combine(spec.StateDirectory, "reports", "cost")
            : Engine.Environment.ResolvePath(settings.Output);
        Write(folder, settings.FormatList, analysis);
        return analysis.Readiness.Ready ? ExitCodes.Ship : ExitCodes.NoShip;
    }

    private void Write(string folder, IReadOnlyList<string> formats, CostAnalysis analysis)
    {
        foreach (var format in formats.Select(f => f == "markdown" ? "md" : f).Distinct())
        {
            var (file, text) = format switch
            {
                "html" => ("cost.html", CostHtml.Page(analysis)),
                "md" => ("cost.md", CostMarkdown.Document(analysis)),
                _ => ("cost.json", CostJson.Serialize(analysis)),
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
                Console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
            }
        }
    }
}
