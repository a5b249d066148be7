using Microsoft.Extensions.Time.Testing;
using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Storage;
using Shipgate.Testing;

namespace Shipgate.Tests.Evals;

/// <summary>Two runners on one SQLite file, each with its own store, as two <c>eval --resume</c> processes would be.</summary>
public sealed class RunLeaseKeeperTests
{
    private static EvalRunner Runner(IRunStore store, TimeProvider? time = null) =>
        new(new ProviderFactory(name => name == "STUB_KEY" ? "sk-test" : null), new AssertionFactory(), store, time);

    private static string DatabasePath(RunnerFixture f) => Path.Combine(f.Folder, ".shipgate", "shipgate.db");

    [Fact]
    public async Task ResumeAsync_WhileAnotherRunnerExecutesTheRun_RefusesAndNoCallIsPaidTwice()
    {
        await using var f = await RunnerFixture.StartAsync(new StubServerOptions { Latency = TimeSpan.FromMilliseconds(100) });
        var spec = f.Spec(cases: 8);
        var options = RunnerFixture.FastOptions();
        options.Concurrency = 1;
        var first = f.Runner().RunAsync(spec, options);
        var run = await WaitForRunAsync(f.Store, "stubbed");

        await using var secondStore = await RunStores.OpenSqliteAsync(DatabasePath(f));
        var refused = await Assert.ThrowsAsync<EvalUsageException>(() => Runner(secondStore).ResumeAsync(spec, run.Id, options));

        Assert.Contains($"run {run.Id} is being resumed by process {Environment.ProcessId} on host {Environment.MachineName} since ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("lease expires at ", refused.Message, StringComparison.Ordinal);
        var outcome = await first;
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(8, outcome.Report.Results.Count);
        Assert.Equal(8, f.Server.RequestCount);
        Assert.Null(await f.Store.GetLeaseAsync(run.Id));
    }

    [Fact]
    public async Task ResumeAsync_LeaseOfAProcessThatStoppedRenewing_RefusedUntilItExpiresThenTakenOver()
    {
        await using var f = await RunnerFixture.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var spec = f.Spec(cases: 3);
        var run = new RunRecord
        {
            Id = "20260501-120000-abcd",
            Feature = spec.Name,
            StartedAt = time.GetUtcNow(),
            SpecHash = spec.ContentHash,
            Candidates = [new PlannedCandidate("stub", spec.Candidates[0].Provider, CacheKey.SettingsJson(spec.Candidates[0].Settings))],
            CaseIds = [.. spec.Cases.Select(c => c.Id)],
            Repeats = 1,
        };
        await f.Store.CreateRunAsync(run);
        Assert.Null(await f.Store.TryAcquireLeaseAsync(new RunLease
        {
            RunId = run.Id,
            Owner = "gone",
            ProcessId = 4242,
            Host = "build-agent-7",
            AcquiredAt = time.GetUtcNow(),
            HeartbeatAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow() + RunLeaseKeeper.Expiry,
        }));
        await using var secondStore = await RunStores.OpenSqliteAsync(DatabasePath(f));
        var runner = Runner(secondStore, time);

        time.Advance(TimeSpan.FromSeconds(29));
        var refused = await Assert.ThrowsAsync<EvalUsageException>(() => runner.ResumeAsync(spec, run.Id, RunnerFixture.FastOptions()));
        Assert.Equal(
            $"run {run.Id} is being resumed by process 4242 on host build-agent-7 since 2026-05-01 12:00:00 UTC; wait for it to finish, " +
            "or retry after its lease expires at 2026-05-01 12:00:30 UTC if that process is gone (a running process renews its lease every few seconds)",
            refused.Message);
        Assert.Equal(0, f.Server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await runner.ResumeAsync(spec, run.Id, RunnerFixture.FastOptions());

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(3, f.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_HeartbeatOnTheInjectedClock_KeepsTheLeaseAlivePastItsFirstExpiry()
    {
        await using var f = await RunnerFixture.StartAsync(new StubServerOptions { Latency = TimeSpan.FromMilliseconds(100) });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var spec = f.Spec(cases: 20);
        var options = RunnerFixture.FastOptions();
        options.Concurrency = 1;
        options.Timeout = TimeSpan.FromHours(1); // the fake clock jumps; no call may time out on it
        var first = Runner(f.Store, time).RunAsync(spec, options);
        var run = await WaitForRunAsync(f.Store, "stubbed");
        var lease = await WaitForLeaseAsync(f.Store, run.Id);

        // Eight heartbeats' worth of clock: past the first expiry, so only renewals can keep the lease.
        await WaitUntilAsync(async () =>
        {
            time.Advance(RunLeaseKeeper.Heartbeat);
            await Task.Delay(20);
            return (await f.Store.GetLeaseAsync(run.Id))?.ExpiresAt >= lease.ExpiresAt + (8 * RunLeaseKeeper.Heartbeat);
        });

        var renewed = await f.Store.GetLeaseAsync(run.Id);
        Assert.NotNull(renewed);
        Assert.Equal(lease.Owner, renewed.Owner);
        Assert.True(renewed.ExpiresAt >= lease.ExpiresAt + (8 * RunLeaseKeeper.Heartbeat), $"{renewed.ExpiresAt} vs {lease.ExpiresAt}");
        await using var secondStore = await RunStores.OpenSqliteAsync(DatabasePath(f));
        await Assert.ThrowsAsync<EvalUsageException>(() => Runner(secondStore, time).ResumeAsync(spec, run.Id, options));
        Assert.Equal(RunStatus.Completed, (await first).Status);
    }

    private static async Task<RunRecord> WaitForRunAsync(IRunStore store, string feature)
    {
        RunRecord? run = null;
        await WaitUntilAsync(async () => (run = await store.GetLatestRunAsync(feature)) is not null && await store.GetLeaseAsync(run.Id) is not null);
        return run!;
    }

    private static async Task<RunLease> WaitForLeaseAsync(IRunStore store, string runId)
    {
        RunLease? lease = null;
        await WaitUntilAsync(async () => (lease = await store.GetLeaseAsync(runId)) is not null);
        return lease!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
