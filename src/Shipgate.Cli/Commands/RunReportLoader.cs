using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Cli.Commands;

/// <summary>
/// What the decision commands read: a stored eval run of the feature, summarised against today's spec.
/// "latest" means the newest completed run; an older spec hash is allowed but reported as a warning by the caller.
/// </summary>
internal static class RunReportLoader
{
    public static async Task<EvalReport> LoadAsync(Engine engine, FeatureSpec spec, string? wanted, string featurePath, CancellationToken cancellationToken)
    {
        await using var store = await engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(store, spec, wanted, featurePath, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<EvalReport> LoadAsync(IRunStore store, FeatureSpec spec, string? wanted, string featurePath, CancellationToken cancellationToken)
    {
        RunRecord? run;
        if (wanted is null || wanted.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            run = await store.GetLatestRunAsync(spec.Name, [RunStatus.Completed], cancellationToken).ConfigureAwait(false)
                ?? throw new EvalUsageException($"feature '{spec.Name}' has no completed eval run yet; run 'shipgate eval {featurePath}' first");
        }
        else
        {
            var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
            run = RunLookup.Find(runs, wanted, featurePath);
        }

        var results = await store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var calibration = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        return EvalReportBuilder.Build(run, results, spec, calibration);
    }

    /// <summary>A warning when the run was made with a different version of the spec (its numbers may not match today's).</summary>
    public static string? StaleWarning(EvalReport report, FeatureSpec spec) =>
        report.Run.SpecHash == spec.ContentHash
            ? null
            : $"run {report.Run.Id} was made with an earlier version of shipgate.yaml or its files; run 'shipgate eval' for numbers that match today's spec";
}
