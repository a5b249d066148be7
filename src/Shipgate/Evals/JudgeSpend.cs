using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>
/// What the run's judges cost, across every candidate and judged assertion: never part of a candidate's cost.
/// <see cref="NewUsd"/> is what this run paid; the rest was served from the judge cache.
/// </summary>
public sealed record JudgeSpend(int Verdicts, int FromCache, decimal? TotalUsd, decimal? NewUsd)
{
    public static JudgeSpend None { get; } = new(0, 0, 0m, 0m);

    public decimal? CachedUsd => TotalUsd - NewUsd;

    public static JudgeSpend Of(IEnumerable<ResultRecord> results)
    {
        var verdicts = results.SelectMany(r => r.Assertions).Select(a => a.Judge).OfType<JudgeVerdict>().ToList();
        var known = verdicts.All(v => v.CostUsd is not null);
        return new JudgeSpend(
            verdicts.Count,
            verdicts.Count(v => v.FromCache),
            known ? verdicts.Sum(v => v.CostUsd!.Value) : null,
            known ? verdicts.Sum(v => v.NewCostUsd!.Value) : null);
    }
}
