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
        var onlyWarnings = new List<string>();
        if (report.Candidates.Count == 1)
        {
            (report, onlyWarnings) = await DecidedRunAsync(spec, report, settings, cancellationToken).ConfigureAwait(false);
        }

        // Same candidate as risk and launch; the selection's router (when the spec has one) is the routing lever's data.
        var selection = spec.Selection is null ? null : await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, Engine.Embeddings, cancellationToken).ConfigureAwait(false);
        var (choice, choiceWarnings) = await CandidateChooser.ResolveAsync(spec, report, settings.Candidate, catalog, selection?.Winner, cancellationToken).ConfigureAwait(false);
        // When this command already said why the recorded decision could not be costed, the chooser's note repeats it.
        choiceWarnings = [.. onlyWarnings, .. choiceWarnings.Where(w => !(onlyWarnings.Count > 1 && w.StartsWith("the recorded decision is '", StringComparison.Ordinal)))];
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

    /// <summary>
    /// A run with one candidate compares nothing. When a decision is recorded for another candidate (and neither --run
    /// nor --candidate says otherwise), the recorded decision is costed from the run it was made on; else this run's
    /// only candidate, with the reason.
    /// </summary>
    private async Task<(Evals.EvalReport Report, List<string> Warnings)> DecidedRunAsync(Specs.FeatureSpec spec, Evals.EvalReport report, CostSettings settings, CancellationToken cancellationToken)
    {
        var only = report.Candidates[0].CandidateId;
        var warnings = new List<string> { SelectionAnalyzer.OnlyCandidateStatement(only, report.Run.Id) };
        DecisionSnapshot? recorded;
        try
        {
            recorded = DecisionRecordFiles.ReadSnapshot(spec);
        }
        catch (InvalidDataException)
        {
            return (report, warnings); // CandidateChooser reports the unreadable record.
        }

        if (recorded?.Winner is not { } decided || decided == only || settings.Candidate is not null || settings.Run is not null)
        {
            return (report, warnings);
        }

        try
        {
            var decidedRun = await RunReportLoader.LoadAsync(Engine, spec, recorded.RunId, settings.Path, cancellationToken).ConfigureAwait(false);
            if (decidedRun.Candidates.Any(c => c.CandidateId == decided))
            {
                warnings.Add($"costing the recorded decision {decided} (decisions/model-selection.json) from the run it was made on, {recorded.RunId}; the latest run holds only {only}, which the decision did not choose");
                return (decidedRun, warnings);
            }
        }
        catch (Evals.EvalUsageException)
        {
            // The decision's run is gone: cost this run's only candidate and say so below.
        }

        warnings.Add($"the recorded decision is {decided} (decisions/model-selection.json), but this run does not hold it and the run it was made on ({recorded.RunId}) is not in the store, so {only} is costed instead: run 'shipgate eval' with every candidate");
        return (report, warnings);
    }
}
