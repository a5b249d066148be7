using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Launch;
using Shipgate.Runs;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate launch</c>: one launch-readiness report from one eval run (reused when it matches today's spec, else run
/// now): eval gate, model choice, unit economics, hallucination risk and the rollout plan. Exit 0 only when all are ready.
/// </summary>
internal sealed class LaunchCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<LaunchSettings>(console, engine)
{
    protected override async Task<int> RunAsync(LaunchSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var catalog = Engine.LoadPrices(settings.Prices);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);

        EvalReport report;
        var warnings = new List<string>();
        var reusable = settings.Run is not null || settings.Fresh ? null : await ReusableRunAsync(store, spec, cancellationToken).ConfigureAwait(false);
        if (settings.Run is not null || reusable is not null)
        {
            report = await RunReportLoader.LoadAsync(store, spec, settings.Run ?? reusable!.Id, settings.Path, cancellationToken).ConfigureAwait(false);
            Console.MarkupLineInterpolated($"[grey]using run {report.Run.Id} ({(settings.Run is null ? "the latest completed run of this spec" : "--run")})[/]");
            if (RunReportLoader.StaleWarning(report, spec) is { } stale)
            {
                warnings.Add(stale);
            }
        }
        else
        {
            Console.MarkupLine(settings.Fresh ? "[grey]running the eval (--fresh)[/]" : "[grey]no completed run of the current spec: running the eval first[/]");
            var options = EvalRunOptions.FromSpec(spec.Run);
            EvalExecution.SkipUnavailable(Console, Engine, spec, options);
            var (outcome, evalReport) = await EvalExecution.RunAsync(Console, Engine, store, spec, options, quiet: false, resume: false, runId: null, cancellationToken).ConfigureAwait(false);
            ConsoleReportRenderer.Render(Console, evalReport, quiet: true);
            ReportFiles.Write(Console, evalReport, Path.Combine(spec.StateDirectory, "reports", outcome.Run.Id), ["html", "md", "json", "junit"]);
            switch (outcome.Status)
            {
                case RunStatus.Failed:
                    Console.MarkupLineInterpolated($"[red]run {outcome.Run.Id} failed:[/] {outcome.Run.Error}");
                    return ExitCodes.RunFailed;
                case RunStatus.Interrupted:
                    Console.MarkupLineInterpolated($"[yellow]run {outcome.Run.Id} interrupted[/]; 'shipgate eval --resume' finishes it, then run 'shipgate launch' again");
                    return ExitCodes.Interrupted;
            }

            report = evalReport;
        }

        var launch = await LaunchAssembler.AssembleAsync(spec, report, catalog, Engine.Environment.Time, Engine.Embeddings, settings.Candidate, warnings, cancellationToken).ConfigureAwait(false);
        LaunchRenderer.Render(Console, launch);
        var folder = settings.Output is null ? Path.Combine(spec.StateDirectory, "reports", "launch") : Engine.Environment.ResolvePath(settings.Output);
        DecisionFiles.Write(Console, folder, "launch", settings.FormatList, () => LaunchMarkdown.Render(launch), () => LaunchHtml.Render(launch), () => LaunchJson.Render(launch));
        return launch.Ship ? ExitCodes.Ship : ExitCodes.NoShip;
    }

    /// <summary>The latest completed run, when it was made with today's spec and files and holds every candidate that can run now.</summary>
    private async Task<RunRecord?> ReusableRunAsync(IRunStore store, FeatureSpec spec, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestRunAsync(spec.Name, [RunStatus.Completed], cancellationToken).ConfigureAwait(false);
        if (latest is null || latest.SpecHash != spec.ContentHash)
        {
            return null;
        }

        return EvalExecution.Available(Engine, spec).All(id => latest.Candidates.Any(c => c.Id == id)) ? latest : null;
    }
}
