using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate labels import FILE</c>: human labels from a spreadsheet or a labelling tool, all-or-nothing.</summary>
internal sealed class LabelsImportCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<LabelsImportSettings>(console, engine)
{
    protected override async Task<int> RunAsync(LabelsImportSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
        var run = RunLookup.Find(runs, settings.Run, settings.Path);
        var results = await store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var targets = new LabelTargets
        {
            DefaultRun = run,
            ResultsOfDefaultRun = results,
            Runs = [.. runs.Select(r => r.Run)],
            Criteria = [.. spec.Rubric?.Criteria.Select(c => c.Id) ?? []],
        };
        var labels = LabelImporter.Read(
            Engine.Environment.ResolvePath(settings.File),
            targets,
            settings.Labeler ?? Engine.Environment.GetVariable("USER") ?? "reviewer",
            Engine.Environment.Time.GetUtcNow());
        foreach (var label in labels)
        {
            await store.AddLabelAsync(label, cancellationToken).ConfigureAwait(false);
        }

        var total = (await store.GetLabelsAsync(cancellationToken).ConfigureAwait(false)).Count;
        Console.MarkupLineInterpolated($"Imported {labels.Count} labels from {settings.File} ({total} in this feature's store).");
        return ExitCodes.Ship;
    }
}
