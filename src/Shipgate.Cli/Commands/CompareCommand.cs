using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Runs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate compare A [B] [PATH]</c>: does B beat A, or is the difference noise? Two runs, or two candidates of one run.
/// Exit 0 unless B is a significant regression (1), so it can guard a prompt or model change in CI.
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<CompareSettings>(console, engine)
{
    protected override async Task<int> RunAsync(CompareSettings settings, CancellationToken cancellationToken)
    {
        var (runBId, path) = Arguments(settings);
        var spec = Engine.LoadSpec(path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
        var runA = RunLookup.Find(runs, settings.RunA, path);
        var runB = runBId is null ? runA : RunLookup.Find(runs, runBId, path);
        var candidateA = PickCandidate(runA, settings.CandidateA, "A");
        var candidateB = PickCandidate(runB, settings.CandidateB ?? (runA.Id == runB.Id ? null : candidateA), "B");
        if (runA.Id == runB.Id && candidateA == candidateB)
        {
            throw new EvalUsageException($"both sides are candidate '{candidateA}' of run {runA.Id}; give a second run or --candidate-b");
        }

        var resultsA = (await store.GetResultsAsync(runA.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.CandidateId == candidateA).ToList();
        var resultsB = runA.Id == runB.Id
            ? (await store.GetResultsAsync(runA.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.CandidateId == candidateB).ToList()
            : (await store.GetResultsAsync(runB.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.CandidateId == candidateB).ToList();
        var comparison = RunComparer.Compare($"{candidateA} @ {runA.Id}", resultsA, $"{candidateB} @ {runB.Id}", resultsB);
        ComparisonRenderer.Render(Console, comparison, settings.Show);
        return comparison.Scores.Verdict == Statistics.ComparisonVerdict.Regression ? ExitCodes.NoShip : ExitCodes.Ship;
    }

    /// <summary>
    /// Run B and the feature path. With two arguments the second is PATH when it names an existing folder or file
    /// (run ids are never paths), so <c>compare latest examples/x</c> compares two candidates of one run like other commands read PATH.
    /// </summary>
    private (string? RunB, string Path) Arguments(CompareSettings settings)
    {
        if (settings.PathArgument is not null || settings.PathOption is not null)
        {
            return (settings.RunB, settings.PathArgument ?? settings.PathOption!);
        }

        if (settings.RunB is { } second && !second.Contains('\0', StringComparison.Ordinal))
        {
            var resolved = Engine.Environment.ResolvePath(second);
            if (Directory.Exists(resolved) || File.Exists(resolved))
            {
                return (null, second);
            }
        }

        return (settings.RunB, ".");
    }

    private static string PickCandidate(RunRecord run, string? wanted, string side)
    {
        if (wanted is not null)
        {
            return run.Candidates.Any(c => c.Id == wanted)
                ? wanted
                : throw new EvalUsageException($"run {run.Id} has no candidate '{wanted}' (it ran {string.Join(", ", run.Candidates.Select(c => c.Id))})");
        }

        return run.Candidates.Count == 1
            ? run.Candidates[0].Id
            : throw new EvalUsageException($"run {run.Id} ran {string.Join(", ", run.Candidates.Select(c => c.Id))}; choose side {side} with --candidate-{side.ToLowerInvariant()}");
    }
}
