using Microsoft.Extensions.Time.Testing;
using Shipgate.Storage.Sqlite;

namespace Shipgate.Storage.Tests.Sqlite;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Migrations_AreInStrictlyIncreasingVersionOrderFromOne()
    {
        var versions = SqliteSchema.Migrations.Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        // The store's schema moves on (labels came in version 2); it always covers the run document's version.
        Assert.True(SqliteSchema.CurrentVersion >= Shipgate.Runs.RunRecord.CurrentSchemaVersion);
    }

    [Fact]
    public async Task EnsureCurrent_NewDatabase_RecordsEachMigrationWithTheInjectedTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

        await (await SqliteRunStore.OpenAsync(_temp.DatabasePath, time)).DisposeAsync();

        Assert.Equal((long)SqliteSchema.CurrentVersion, RawSqlite.Scalar(_temp.DatabasePath, "SELECT max(version) FROM schema_version"));
        Assert.Equal("2026-05-01T12:00:00.0000000Z", RawSqlite.Scalar(_temp.DatabasePath, "SELECT applied_at FROM schema_version WHERE version = 1"));
        Assert.Equal((long)SqliteSchema.ApplicationId, RawSqlite.Scalar(_temp.DatabasePath, "PRAGMA application_id"));
        Assert.Equal("wal", RawSqlite.Scalar(_temp.DatabasePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task EnsureCurrent_OpenedAgain_DoesNotReapplyMigrations()
    {
        await (await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System)).DisposeAsync();
        await (await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System)).DisposeAsync();

        Assert.Equal((long)SqliteSchema.Migrations.Count, RawSqlite.Scalar(_temp.DatabasePath, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task EnsureCurrent_CostColumn_IsTextSoMoneyIsNeverAFloat()
    {
        await (await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System)).DisposeAsync();

        Assert.Equal("TEXT", RawSqlite.Scalar(_temp.DatabasePath, "SELECT type FROM pragma_table_info('results') WHERE name = 'cost_usd'"));
    }
}
