using Shipgate.Runs;
using Shipgate.Storage.Sqlite;

namespace Shipgate.Storage.Tests.Sqlite;

/// <summary>The run lease on two stores over one file, as two processes would hold them.</summary>
public sealed class SqliteRunLeaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private SqliteRunStore Open() => SqliteRunStore.Open(_temp.DatabasePath, TimeProvider.System);

    private static RunLease Lease(string owner, DateTimeOffset at, int processId = 101, string host = "host-a") => new()
    {
        RunId = "run-1",
        Owner = owner,
        ProcessId = processId,
        Host = host,
        AcquiredAt = at,
        HeartbeatAt = at,
        ExpiresAt = at.AddSeconds(30),
    };

    [Fact]
    public async Task TryAcquireLeaseAsync_HeldByAnotherStoreAndUnexpired_ReturnsTheHolder()
    {
        await using var first = Open();
        await using var second = Open();
        await first.CreateRunAsync(Samples.Run());

        Assert.Null(await first.TryAcquireLeaseAsync(Lease("a", Samples.T0)));
        var holder = await second.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(29), processId: 202, host: "host-b"));

        Assert.NotNull(holder);
        Assert.Equal("a", holder.Owner);
        Assert.Equal(101, holder.ProcessId);
        Assert.Equal("host-a", holder.Host);
        Assert.Equal(Samples.T0.AddSeconds(30), holder.ExpiresAt);
        Assert.Equal("a", (await second.GetLeaseAsync("run-1"))!.Owner);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_AfterExpiry_TakesOverAndTheOldOwnerCannotRenew()
    {
        await using var first = Open();
        await using var second = Open();
        await first.CreateRunAsync(Samples.Run());
        Assert.Null(await first.TryAcquireLeaseAsync(Lease("a", Samples.T0)));

        Assert.Null(await second.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(31))));

        Assert.False(await first.RenewLeaseAsync("run-1", "a", Samples.T0.AddSeconds(32), Samples.T0.AddSeconds(62)));
        Assert.True(await second.RenewLeaseAsync("run-1", "b", Samples.T0.AddSeconds(35), Samples.T0.AddSeconds(65)));
        Assert.Equal(Samples.T0.AddSeconds(65), (await first.GetLeaseAsync("run-1"))!.ExpiresAt);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_RenewedLease_StaysHeldPastTheFirstExpiry()
    {
        await using var first = Open();
        await using var second = Open();
        await first.CreateRunAsync(Samples.Run());
        Assert.Null(await first.TryAcquireLeaseAsync(Lease("a", Samples.T0)));
        Assert.True(await first.RenewLeaseAsync("run-1", "a", Samples.T0.AddSeconds(25), Samples.T0.AddSeconds(55)));

        Assert.NotNull(await second.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(40))));
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_TakeOverFromNamedDeadHolder_TakesItBeforeExpiry()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        Assert.Null(await store.TryAcquireLeaseAsync(Lease("dead", Samples.T0)));

        Assert.NotNull(await store.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(1)), takeOverFrom: "someone-else"));
        Assert.Null(await store.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(1)), takeOverFrom: "dead"));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_ByOwner_FreesTheRunForAnyone()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        Assert.Null(await store.TryAcquireLeaseAsync(Lease("a", Samples.T0)));

        await store.ReleaseLeaseAsync("run-1", "not-the-owner");
        Assert.NotNull(await store.GetLeaseAsync("run-1"));
        await store.ReleaseLeaseAsync("run-1", "a");

        Assert.Null(await store.GetLeaseAsync("run-1"));
        Assert.Null(await store.TryAcquireLeaseAsync(Lease("b", Samples.T0.AddSeconds(1))));
    }
}
