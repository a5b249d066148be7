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
        var outputFolder = settings.Output is null ? null : OutputFolder(settings.Output);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
        var run = RunLookup.Find(runs, settings.Run, settings.Path);
        var results = await store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var calibration = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var report = EvalReportBuilder.Build(run, results, spec, calibration);
        ConsoleReportRenderer.Render(Console, report, settings.Quiet);
        var folder = outputFolder ?? Path.Combine(spec.StateDirectory, "reports", run.Id);
        if (!ReportFiles.Write(Console, report, folder, settings.FormatList, settings.Quiet))
        {
            // Writing the files is this command's job: a verdict exit code after losing them would let CI publish nothing.
            Console.MarkupLineInterpolated($"[red]error:[/] could not write the report files to {folder}; check that the folder is writable, or pass another with -o");
            return ExitCodes.RunFailed;
        }

        return report.Ship ? ExitCodes.Ship : ExitCodes.NoShip;
    }

    /// <summary>An -o that can never be a folder is a usage error (2), found before anything is read.</summary>
    private string OutputFolder(string output)
    {
        if (output.Length == 0 || output.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            throw new EvalUsageException($"-o '{output}' is not a valid folder path; give a folder for the report files");
        }

        var folder = Engine.Environment.ResolvePath(output);
        return File.Exists(folder)
            ? throw new EvalUsageException($"-o {output} is a file; give a folder for the report files")
            : folder;
    }
}
