using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
using Shipgate.Embeddings;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Selection;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate select</c>: the model selection matrix from the latest eval run; <c>--write</c> records the decision,
/// <c>--check</c> evaluates its review triggers (for a scheduled CI job).
/// </summary>
internal sealed class SelectCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<SelectSettings>(console, engine)
{
    protected override async Task<int> RunAsync(SelectSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var catalog = LoadCatalog(spec);
        return settings.Check
            ? await CheckAsync(spec, settings, catalog, cancellationToken).ConfigureAwait(false)
            : await SelectAsync(spec, settings, catalog, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> SelectAsync(FeatureSpec spec, SelectSettings settings, PriceCatalog? catalog, CancellationToken cancellationToken)
    {
        var report = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        if (RunReportLoader.StaleWarning(report, spec) is { } stale)
        {
            Console.MarkupLineInterpolated($"[yellow]warning:[/] {stale}");
        }

        using var embeddings = new MiniLmEmbeddingGenerator();
        var analysis = await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, embeddings, cancellationToken).ConfigureAwait(false);
        SelectionRenderer.Render(Console, analysis);
        WriteReports(spec, settings, analysis);

        if (analysis.Readiness.Status == ReadinessStatus.NotDeclared)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {spec.SpecFile} has no 'selection:' section: add requirements with weights 1-5, e.g. 'selection: {{ requirements: {{ quality: {{ weight: 5, metric: rubric_mean, min: 4.0 }} }} }}' (docs/select.md)");
            return ExitCodes.Usage;
        }

        if (settings.Write)
        {
            foreach (var path in DecisionFiles.Write(analysis, spec, catalog, Engine.Environment.Time.GetUtcNow()))
            {
                Console.MarkupLineInterpolated($"[grey]decision[/] {path}");
            }
        }

        return analysis.Readiness.Ready ? ExitCodes.Ship : ExitCodes.NoShip;
    }

    private async Task<int> CheckAsync(FeatureSpec spec, SelectSettings settings, PriceCatalog? catalog, CancellationToken cancellationToken)
    {
        DecisionSnapshot? snapshot;
        try
        {
            snapshot = DecisionFiles.ReadSnapshot(spec);
        }
        catch (InvalidDataException ex)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Usage;
        }

        if (snapshot is null)
        {
            Console.MarkupLineInterpolated($"[red]no decision recorded yet[/] ({DecisionFiles.SnapshotPath(spec)} is missing): run 'shipgate eval {settings.Path}' and 'shipgate select {settings.Path} --write', then commit the decisions/ folder");
            return ExitCodes.Usage;
        }

        EvalReport? latest = null;
        try
        {
            latest = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (EvalUsageException ex)
        {
            Console.MarkupLineInterpolated($"[grey]quality not compared: {ex.Message}[/]");
        }

        var triggers = ReviewCheck.Evaluate(spec, snapshot, catalog, latest, Engine.Environment.Time);
        SelectionRenderer.RenderCheck(Console, snapshot, triggers);
        return triggers.Any(t => t.Fired) ? ExitCodes.NoShip : ExitCodes.Ship;
    }

    private void WriteReports(FeatureSpec spec, SelectSettings settings, SelectionAnalysis analysis)
    {
        if (settings.FormatList.Count == 0)
        {
            return;
        }

        var folder = settings.Output is null ? Path.Combine(spec.StateDirectory, "reports", "select") : Engine.Environment.ResolvePath(settings.Output);
        foreach (var format in settings.FormatList.Distinct())
        {
            var (extension, text) = format switch
            {
                "html" => ("html", HtmlPage.Wrap($"{spec.Name}: model selection", $"<h1>{HtmlPage.E(spec.Name)}: model selection</h1>" + SelectionHtml.Render(analysis))),
                "json" => ("json", SelectionJson.Render(analysis)),
                _ => ("md", $"# Shipgate select: {spec.Name}\n\n" + SelectionMarkdown.Render(analysis)),
            };
            var path = Path.Combine(folder, "selection." + extension);
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(path, text);
                Console.MarkupLineInterpolated($"[grey]{extension,-8}[/] {path}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// The price catalog the matrix and the review triggers read (it fills vendor, context window and prices the spec
    /// does not declare, labelled "catalog"). WIRING POINT: return the cost engineering's catalog (PriceCatalogs.Load) here.
    /// </summary>
    private static PriceCatalog? LoadCatalog(FeatureSpec spec)
    {
        _ = spec;
        return null;
    }
}
