namespace Shipgate.Runs;

/// <summary>
/// Who is executing a run right now. One process at a time holds it and renews it with heartbeats; a second
/// process refuses to run the same calls, until the holder releases it or stops renewing and it expires.
/// </summary>
public sealed record RunLease
{
    public required string RunId { get; init; }

    /// <summary>Random per runner; the holder proves it is itself with this, not with the process id.</summary>
    public required string Owner { get; init; }

    public required int ProcessId { get; init; }
    public required string Host { get; init; }
    public required DateTimeOffset AcquiredAt { get; init; }
    public required DateTimeOffset HeartbeatAt { get; init; }

    /// <summary>After this instant, without a heartbeat, any process may take the run over.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
