using System.Collections.Concurrent;

namespace Shipgate.Evals;

/// <summary>
/// Counts consecutive failed calls per candidate until its first success; past the limit the provider is treated as down.
/// Once a candidate has succeeded, later failures are ordinary errors (a flaky provider is measured, not aborted).
/// </summary>
internal sealed class CandidateHealth
{
    public const int FailureLimit = 5;

    private readonly ConcurrentDictionary<string, int> _failuresBeforeSuccess = new(StringComparer.Ordinal);

    /// <returns>True when the candidate has now failed <see cref="FailureLimit"/> times without ever succeeding.</returns>
    public bool RecordFailure(string candidateId)
    {
        var count = _failuresBeforeSuccess.AddOrUpdate(candidateId, 1, (_, n) => n < 0 ? n : n + 1);
        return count == FailureLimit;
    }

    public void RecordSuccess(string candidateId) => _failuresBeforeSuccess[candidateId] = -1;
}
