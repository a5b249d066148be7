using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate report &lt;run&gt;</c>: re-renders a stored run against today's gate.</summary>
internal sealed class ReportCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<ReportSettings>(console, engine)
{
    protected override async Task<int> RunAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
        var run = RunLookup.Find(runs, settings.Run, settings.Path);
        var results = await store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var calibration = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var report = EvalReportBuilder.Build(run, results, spec, calibration);
        ConsoleReportRenderer.Render(Console, report, settings.Quiet);
        var folder = settings.Output is null
            ? Path.Combine(spec.StateDirectory, "reports", run.Id)
            : Engine.Environment.ResolvePath(settings.Output);
        ReportFiles.Write(Console, report, folder, settings.FormatList);
        return report.Ship ? ExitCodes.Ship : ExitCodes.NoShip;
    }
}
