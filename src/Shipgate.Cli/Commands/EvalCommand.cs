using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate eval</c>: run the suite, show the verdict, write the reports.</summary>
internal sealed class EvalCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<EvalSettings>(console, engine)
{
    protected override async Task<int> RunAsync(EvalSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var options = EvalRunOptions.FromSpec(spec.Run);
        options.Concurrency = settings.Concurrency ?? options.Concurrency;
        options.Repeats = settings.Repeats ?? options.Repeats;
        options.Timeout = settings.TimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : options.Timeout;
        options.MaxRetries = settings.Retries ?? options.MaxRetries;
        options.UseCache = !settings.NoCache;
        options.Candidates = settings.Candidates;
        var candidateCount = settings.Candidates.Length == 0 ? spec.Candidates.Count : spec.Candidates.Count(c => settings.Candidates.Contains(c.Id));
        if (RunLimits.CheckPlan(spec.Cases.Count, candidateCount, options.Repeats) is { } tooBig)
        {
            throw new EvalUsageException($"{tooBig}; lower --repeats or run fewer candidates with -c");
        }

        if (!settings.Resume)
        {
            EvalExecution.SkipUnavailable(Console, Engine, spec, options);
        }

        // Checked before anything runs: a paid run must not end in "cannot write the report".
        var outputFolder = settings.Output is null ? null : Engine.Environment.ResolvePath(settings.Output);
        if (outputFolder is not null && File.Exists(outputFolder))
        {
            throw new EvalUsageException($"--output {settings.Output} is a file; give a folder for the report files");
        }

        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var (outcome, report) = await EvalExecution.RunAsync(Console, Engine, store, spec, options, settings.Quiet, settings.Resume, settings.RunId, cancellationToken).ConfigureAwait(false);
        ConsoleReportRenderer.Render(Console, report, settings.Quiet);
        var folder = outputFolder ?? Path.Combine(spec.StateDirectory, "reports", outcome.Run.Id);
        ReportFiles.Write(Console, report, folder, settings.FormatList, settings.Quiet);

        switch (outcome.Status)
        {
            case RunStatus.Failed:
                Console.MarkupLineInterpolated($"[red]run {outcome.Run.Id} failed:[/] {outcome.Run.Error}");
                return ExitCodes.RunFailed;
            case RunStatus.Interrupted:
                Console.MarkupLineInterpolated($"[yellow]run {outcome.Run.Id} interrupted[/] after {outcome.Report.Results.Count} of {outcome.Run.PlannedCount} results; 'shipgate eval --resume' finishes it");
                return ExitCodes.Interrupted;
            default:
                return report.Ship ? ExitCodes.Ship : ExitCodes.NoShip;
        }
    }
}
