using System.Globalization;
using Shipgate.Cli.Infrastructure;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate runs</c>: past runs of the feature, newest first.</summary>
internal sealed class RunsCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<FeatureSettings>(console, engine)
{
    protected override async Task<int> RunAsync(FeatureSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(50, cancellationToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            Console.MarkupLineInterpolated($"No runs yet for {spec.Name}; 'shipgate eval {settings.Path}' starts one.");
            return ExitCodes.Ship;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Run", "Started (UTC)", "Status", "Candidates", "Results", "Passed");
        foreach (var row in runs)
        {
            table.AddRow(
                row.Run.Id,
                row.Run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.Run.Status.ToString().ToLowerInvariant(),
                string.Join(", ", row.Run.Candidates.Select(c => c.Id)),
                $"{row.ResultCount}/{row.Run.PlannedCount}",
                row.ResultCount == 0 ? "-" : $"{(double)row.PassedCount / row.ResultCount:0.0%}");
        }

        Console.Write(table);
        return ExitCodes.Ship;
    }
}
