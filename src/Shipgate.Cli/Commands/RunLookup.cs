using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Cli.Commands;

/// <summary>Resolves what a person typed for a run: an id, a unique prefix of one, or <c>latest</c>.</summary>
internal static class RunLookup
{
    public static RunRecord Find(IReadOnlyList<RunSummaryRow> runs, string wanted, string featurePath)
    {
        var matches = wanted.Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? runs.Take(1).ToList()
            : runs.Where(r => r.Run.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Run,
            0 => throw new EvalUsageException($"no run matches '{wanted}'; 'shipgate runs {featurePath}' lists them"),
            _ => throw new EvalUsageException(
                $"'{wanted}' matches {matches.Count} runs ({string.Join(", ", matches.Take(5).Select(m => m.Run.Id))}); give more of the id"),
        };
    }
}
