using System.Diagnostics;
using System.Globalization;
using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>
/// Holds a run's lease while this runner executes it: takes it (or explains who has it), renews it every
/// <see cref="Heartbeat"/> on the injected clock, and gives it up at the end. Without it two <c>eval --resume</c>
/// on one run would pay every pending call twice.
/// </summary>
internal sealed class RunLeaseKeeper : IAsyncDisposable
{
    /// <summary>How often the holder renews.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>A lease not renewed for this long is abandoned (a killed process, a sleeping laptop) and may be taken over.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly string _runId;
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private Task? _heartbeats;

    private RunLeaseKeeper(IRunStore store, TimeProvider time, string runId)
    {
        _store = store;
        _time = time;
        _runId = runId;
    }

    /// <summary>Set when another process took the lease over (ours had expired): this runner must stop.</summary>
    public string? Lost { get; private set; }

    /// <summary>Takes the run's lease or throws <see cref="EvalUsageException"/> naming the holder and when its lease expires.</summary>
    /// <param name="onLost">Called once if the lease is lost mid-run.</param>
    public static async Task<RunLeaseKeeper> AcquireAsync(IRunStore store, TimeProvider time, string runId, Action onLost, CancellationToken cancellationToken)
    {
        var keeper = new RunLeaseKeeper(store, time, runId);
        var now = time.GetUtcNow();
        var lease = new RunLease
        {
            RunId = runId,
            Owner = keeper._owner,
            ProcessId = Environment.ProcessId,
            Host = Environment.MachineName,
            AcquiredAt = now,
            HeartbeatAt = now,
            ExpiresAt = now + Expiry,
        };

        // A holder that is a dead process on this machine (killed, crashed) cannot renew: no need to wait for expiry.
        var current = await store.GetLeaseAsync(runId, cancellationToken).ConfigureAwait(false);
        var dead = current is not null && IsDeadLocalProcess(current) ? current.Owner : null;
        var holder = await store.TryAcquireLeaseAsync(lease, dead, cancellationToken).ConfigureAwait(false);
        if (holder is not null)
        {
            throw new EvalUsageException(
                $"run {runId} is being resumed by process {holder.ProcessId} on host {holder.Host} since {Time(holder.AcquiredAt)}; " +
                $"wait for it to finish, or retry after its lease expires at {Time(holder.ExpiresAt)} if that process is gone " +
                "(a running process renews its lease every few seconds)");
        }

        keeper._heartbeats = keeper.HeartbeatAsync(onLost);
        return keeper;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_heartbeats is not null)
        {
            await _heartbeats.ConfigureAwait(false);
        }

        _stop.Dispose();
        if (Lost is null)
        {
            await _store.ReleaseLeaseAsync(_runId, _owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task HeartbeatAsync(Action onLost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Heartbeat, _time, _stop.Token).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                bool renewed;
                try
                {
                    renewed = await _store.RenewLeaseAsync(_runId, _owner, now, now + Expiry, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue; // a busy or failing store: the next heartbeat tries again, well before expiry
                }

                if (!renewed)
                {
                    var holder = await _store.GetLeaseAsync(_runId, CancellationToken.None).ConfigureAwait(false);
                    Lost = holder is null
                        ? $"run {_runId}'s lease was released by another process while this one still ran it"
                        : $"run {_runId} was taken over by process {holder.ProcessId} on host {holder.Host} at {Time(holder.AcquiredAt)} after this process's lease expired";
                    onLost();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the run is over.
        }
    }

    private static bool IsDeadLocalProcess(RunLease lease)
    {
        if (!string.Equals(lease.Host, Environment.MachineName, StringComparison.Ordinal) || lease.ProcessId == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(lease.ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
