namespace Shipgate.Runs;

/// <summary>
/// Where runs, results and the response cache live. SQLite is the embedded default; the SQL stays in Shipgate.Storage.
/// Production traces (a later issue) get their own interface beside this one.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>Durable when the task completes. A second result for the same key is rejected (exactly once).</summary>
    Task AddResultAsync(ResultRecord result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the run's results that ended in a provider error, so a resume runs those cases again
    /// (an outage should not stay in the run once the provider is back).
    /// </summary>
    Task DiscardErroredResultsAsync(string runId, CancellationToken cancellationToken = default);

    Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, string? error, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Most recent run of the feature, optionally only those in one of <paramref name="statuses"/>.</summary>
    Task<RunRecord?> GetLatestRunAsync(string feature, IReadOnlyCollection<RunStatus>? statuses = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RunSummaryRow>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ResultRecord>> GetResultsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Records a label; a second label by the same labeler for the same output and criterion replaces the first.</summary>
    Task AddLabelAsync(HumanLabel label, CancellationToken cancellationToken = default);

    /// <summary>Every label in the store, oldest first.</summary>
    Task<IReadOnlyList<HumanLabel>> GetLabelsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the run's lease for <paramref name="lease"/>'s owner when nobody holds it, the owner already does, the
    /// holder's lease expired before <see cref="RunLease.AcquiredAt"/>, or the holder is <paramref name="takeOverFrom"/>
    /// (a holder the caller knows is dead). Atomic across processes.
    /// </summary>
    /// <returns>Null when taken; otherwise the lease that kept it.</returns>
    Task<RunLease?> TryAcquireLeaseAsync(RunLease lease, string? takeOverFrom = null, CancellationToken cancellationToken = default);

    /// <summary>Extends the owner's lease; false when the owner no longer holds it (another process took it over).</summary>
    Task<bool> RenewLeaseAsync(string runId, string owner, DateTimeOffset heartbeatAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, if the owner still holds it.</summary>
    Task ReleaseLeaseAsync(string runId, string owner, CancellationToken cancellationToken = default);

    Task<RunLease?> GetLeaseAsync(string runId, CancellationToken cancellationToken = default);

    Task<CachedResponse?> GetCachedAsync(string key, CancellationToken cancellationToken = default);

    Task PutCachedAsync(string key, CachedResponse response, CancellationToken cancellationToken = default);
}
