using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Evals;
using Shipgate.Runs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate compare A [B]</c>: does B beat A, or is the difference noise? Two runs, or two candidates of one run.
/// Exit 0 unless B is a significant regression (1), so it can guard a prompt or model change in CI.
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<CompareSettings>(console, engine)
{
    protected override async Task<int> RunAsync(CompareSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
        var runA = RunLookup.Find(runs, settings.RunA, settings.Path);
        var runB = settings.RunB is null ? runA : RunLookup.Find(runs, settings.RunB, settings.Path);
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
