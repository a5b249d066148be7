using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Runs;
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
        if (settings.Candidates.Length == 0 && !settings.Resume)
        {
            // Optional candidates switch on with their key; without it they are left out of the run, with a note.
            var skipped = CandidateAvailability.Skipped(spec, Engine.Environment.GetVariable);
            foreach (var (_, note) in skipped)
            {
                Console.MarkupLineInterpolated($"[grey]{note}[/]");
            }

            if (skipped.Count > 0)
            {
                options.Candidates = [.. spec.Candidates.Where(c => skipped.All(s => s.Candidate.Id != c.Id)).Select(c => c.Id)];
                if (options.Candidates.Count == 0)
                {
                    throw new EvalUsageException("every candidate is optional and switched off; set one of the variables above or add a candidate that needs no key");
                }
            }
        }

        // Checked before anything runs: a paid run must not end in "cannot write the report".
        var outputFolder = settings.Output is null ? null : Engine.Environment.ResolvePath(settings.Output);
        if (outputFolder is not null && File.Exists(outputFolder))
        {
            throw new EvalUsageException($"--output {settings.Output} is a file; give a folder for the report files");
        }

        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runner = Engine.CreateRunner(store);
        var outcome = await RunProgressDisplay.RunAsync(
            Console,
            settings.Quiet,
            progress => settings.Resume
                ? runner.ResumeAsync(spec, settings.RunId, options, progress, cancellationToken)
                : runner.RunAsync(spec, options, progress, cancellationToken)).ConfigureAwait(false);

        // Judge calibration comes from human labels in the store; without any, the runner's report already says so.
        var calibration = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var report = calibration.Labels == 0 ? outcome.Report : EvalReportBuilder.Build(outcome.Run, outcome.Report.Results, spec, calibration);
        ConsoleReportRenderer.Render(Console, report, settings.Quiet);
        var folder = outputFolder ?? Path.Combine(spec.StateDirectory, "reports", outcome.Run.Id);
        ReportFiles.Write(Console, report, folder, settings.FormatList);

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
