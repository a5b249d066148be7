using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>Running the suite, shared by <c>eval</c> and <c>launch</c>: optional candidates, progress, calibration.</summary>
internal static class EvalExecution
{
    /// <summary>
    /// Optional candidates switch on with their key; without it they are left out of the run, with a note.
    /// Only when the person did not name candidates themselves.
    /// </summary>
    public static void SkipUnavailable(IAnsiConsole console, Engine engine, FeatureSpec spec, EvalRunOptions options)
    {
        if (options.Candidates.Count > 0)
        {
            return;
        }

        var skipped = CandidateAvailability.Skipped(spec, engine.Environment.GetVariable);
        foreach (var (_, note) in skipped)
        {
            console.MarkupLineInterpolated($"[grey]{note}[/]");
        }

        if (skipped.Count > 0)
        {
            options.Candidates = Available(spec, skipped);
            if (options.Candidates.Count == 0)
            {
                throw new EvalUsageException("every candidate is optional and switched off; set one of the variables above or add a candidate that needs no key");
            }
        }
    }

    /// <summary>Ids of the candidates that can run now: every one but the optional ones whose key or base URL is unset.</summary>
    public static IReadOnlyList<string> Available(Engine engine, FeatureSpec spec) =>
        Available(spec, CandidateAvailability.Skipped(spec, engine.Environment.GetVariable));

    private static IReadOnlyList<string> Available(FeatureSpec spec, IReadOnlyList<(CandidateSpec Candidate, string Note)> skipped) =>
        [.. spec.Candidates.Where(c => skipped.All(s => s.Candidate.Id != c.Id)).Select(c => c.Id)];

    /// <summary>Runs (or resumes) with the progress display; the report includes judge calibration from stored human labels.</summary>
    public static async Task<(RunOutcome Outcome, EvalReport Report)> RunAsync(
        IAnsiConsole console, Engine engine, IRunStore store, FeatureSpec spec, EvalRunOptions options, bool quiet, bool resume, string? runId, CancellationToken cancellationToken)
    {
        var runner = engine.CreateRunner(store);
        var outcome = await RunProgressDisplay.RunAsync(
            console,
            quiet,
            progress => resume
                ? runner.ResumeAsync(spec, runId, options, progress, cancellationToken)
                : runner.RunAsync(spec, options, progress, cancellationToken)).ConfigureAwait(false);

        // Judge calibration comes from human labels in the store; without any, the runner's report already says so.
        var calibration = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var report = calibration.Labels == 0 ? outcome.Report : EvalReportBuilder.Build(outcome.Run, outcome.Report.Results, spec, calibration);
        return (outcome, report);
    }
}
