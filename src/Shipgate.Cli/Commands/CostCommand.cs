using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
using Shipgate.Launch;
using Shipgate.Selection;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate cost</c>: unit economics of the feature from its latest eval run and a price catalog.</summary>
internal sealed class CostCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<CostSettings>(console, engine)
{
    protected override async Task<int> RunAsync(CostSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var catalog = Engine.LoadPrices(settings.Prices);

        var report = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        // Same candidate as risk and launch; the selection's router (when the spec has one) is the routing lever's data.
        var selection = spec.Selection is null ? null : await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, Engine.Embeddings, cancellationToken).ConfigureAwait(false);
        var (choice, choiceWarnings) = await CandidateChooser.ResolveAsync(spec, report, settings.Candidate, catalog, selection?.Winner, cancellationToken).ConfigureAwait(false);
        var analysis = CostAnalyzer.Analyze(
            spec, report, catalog, Engine.Environment.Time, selection?.Router, choice.Candidate.CandidateId, settings.Users, choice.Reason);
        if (choiceWarnings.Count > 0)
        {
            analysis = analysis with { Warnings = [.. choiceWarnings, .. analysis.Warnings] };
        }

        if (RunReportLoader.StaleWarning(report, spec) is { } staleRun)
        {
            analysis = analysis with { Warnings = [.. analysis.Warnings, staleRun] };
        }

        CostConsoleRenderer.Render(Console, analysis);
        var folder = settings.Output is null
            ? Path.Combine(spec.StateDirectory, "reports", "cost")
            : Engine.Environment.ResolvePath(settings.Output);
        DecisionFiles.Write(
            Console,
            folder,
            "cost",
            settings.FormatList,
            () => CostMarkdown.Document(analysis),
            () => CostHtml.Page(analysis),
            () => CostJson.Serialize(analysis));
        return analysis.Readiness.Ready ? ExitCodes.Ship : ExitCodes.NoShip;
    }
}
