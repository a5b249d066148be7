using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>Running totals for the progress bar, shared by the concurrent workers.</summary>
internal sealed class ProgressTally
{
    private readonly Lock _gate = new();
    private readonly long _planned;
    private int _done;
    private int _passed;
    private int _errors;
    private int _fromCache;
    private long _tokens;
    private decimal _cost;
    private decimal _judgeCost;
    private int _judgeFromCache;

    public ProgressTally(long planned, IEnumerable<ResultRecord> existing)
    {
        _planned = planned;
        foreach (var result in existing)
        {
            Add(result);
        }
    }

    public RunProgress Add(ResultRecord result)
    {
        lock (_gate)
        {
            _done++;
            _passed += result.Pass ? 1 : 0;
            _errors += result.Error is null ? 0 : 1;
            _fromCache += result.FromCache ? 1 : 0;
            _tokens += result.InputTokens + result.OutputTokens;
            _cost += result.CostUsd ?? 0m;
            foreach (var verdict in result.Assertions.Select(a => a.Judge).OfType<JudgeVerdict>())
            {
                _judgeCost += verdict.NewCostUsd ?? 0m;
                _judgeFromCache += verdict.FromCache ? 1 : 0;
            }
            return SnapshotUnlocked();
        }
    }

    public RunProgress Snapshot()
    {
        lock (_gate)
        {
            return SnapshotUnlocked();
        }
    }

    private RunProgress SnapshotUnlocked() => new(_planned, _done, _passed, _errors, _fromCache, _tokens, _cost, _judgeCost, _judgeFromCache);
}
