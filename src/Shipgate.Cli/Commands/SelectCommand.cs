using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
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
        var catalog = Engine.LoadPrices(settings.Prices);
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

        DecisionSnapshot? recorded = null;
        try
        {
            recorded = DecisionRecordFiles.ReadSnapshot(spec);
        }
        catch (InvalidDataException ex)
        {
            Console.MarkupLineInterpolated($"[yellow]warning:[/] the recorded decision is ignored: {ex.Message}");
        }

        var analysis = await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, Engine.Embeddings, recorded, cancellationToken).ConfigureAwait(false);
        SelectionRenderer.Render(Console, analysis);
        WriteReports(spec, settings, analysis);

        if (analysis.Readiness.Status == ReadinessStatus.NotDeclared)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {spec.SpecFile} has no 'selection:' section: add requirements with weights 1-5, e.g. 'selection: {{ requirements: {{ quality: {{ weight: 5, metric: rubric_mean, min: 4.0 }} }} }}' (docs/select.md)");
            return ExitCodes.Usage;
        }

        if (settings.Write && analysis.OnlyCandidate is { } only && recorded is not null)
        {
            // One candidate compares nothing: it must not overwrite a decision that compared several.
            Console.MarkupLineInterpolated($"[yellow]warning:[/] decision not written: run {analysis.RunId} holds only {only}, so the recorded decision (run {recorded.RunId}) stays; run 'shipgate eval' with every candidate, then 'shipgate select --write'");
        }
        else if (settings.Write)
        {
            var (status, reasons) = DecisionSnapshot.StatusOf(analysis);
            Console.MarkupLineInterpolated($"decision status: [bold]{status}[/]{(reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons))}");
            foreach (var path in DecisionRecordFiles.Write(analysis, spec, catalog, Engine.Environment.Time.GetUtcNow()))
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
            snapshot = DecisionRecordFiles.ReadSnapshot(spec);
        }
        catch (InvalidDataException ex)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Usage;
        }

        if (snapshot is null)
        {
            Console.MarkupLineInterpolated($"[red]no decision recorded yet[/] ({DecisionRecordFiles.SnapshotPath(spec)} is missing): run 'shipgate eval {settings.Path}' and 'shipgate select {settings.Path} --write', then commit the decisions/ folder");
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
        var folder = settings.Output is null ? Path.Combine(spec.StateDirectory, "reports", "select") : Engine.Environment.ResolvePath(settings.Output);
        DecisionFiles.Write(
            Console,
            folder,
            "selection",
            settings.FormatList,
            () => $"# Shipgate select: {spec.Name}\n\n" + SelectionMarkdown.Render(analysis),
            () => HtmlPage.Wrap($"{spec.Name}: model selection", $"<h1>{HtmlPage.E(spec.Name)}: model selection</h1>" + SelectionHtml.Render(analysis)),
            () => SelectionJson.Render(analysis));
    }
}
