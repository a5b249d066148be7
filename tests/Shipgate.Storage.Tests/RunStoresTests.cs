using Shipgate.Storage.Sqlite;
using Shipgate.Runs;

namespace Shipgate.Storage.Tests;

public sealed class RunStoresTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenSqlite_FolderMissing_CreatesFolderAndAUsableStore()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_temp.DatabasePath)));

        await using (var store = RunStores.OpenSqlite(_temp.DatabasePath))
        {
            await store.CreateRunAsync(Samples.Run());
        }

        Assert.True(File.Exists(_temp.DatabasePath));
        await using var reopened = await RunStores.OpenSqliteAsync(_temp.DatabasePath);
        Assert.NotNull(await reopened.GetRunAsync("run-1"));
    }

    [Fact]
    public async Task OpenSqlite_EmptyFile_InitializesIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.DatabasePath)!);
        await File.WriteAllBytesAsync(_temp.DatabasePath, []);

        await using var store = RunStores.OpenSqlite(_temp.DatabasePath);

        Assert.Empty(await store.ListRunsAsync());
    }

    [Fact]
    public void OpenSqlite_TextFile_ThrowsNamingTheFileAndWhatToDo()
    {
        var path = Path.Combine(_temp.Path, "notes.db");
        File.WriteAllText(path, "these are my notes, not a database\n".PadRight(2000, '.'));

        var ex = Assert.Throws<StoreException>(() => RunStores.OpenSqlite(path));

        Assert.Equal(path, ex.DatabasePath);
        Assert.StartsWith(path + ": not a Shipgate database", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Move the file away or choose another path", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("these are my notes", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSqlite_AnotherProgramsSqliteDatabase_ThrowsAndLeavesItAlone()
    {
        var path = Path.Combine(_temp.Path, "other.db");
        RawSqlite.Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");

        var ex = Assert.Throws<StoreException>(() => RunStores.OpenSqlite(path));

        Assert.Contains("not a Shipgate database (it has tables (customers) but no schema_version table)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("delete", RawSqlite.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(0L, RawSqlite.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'runs'"));
    }

    [Fact]
    public void OpenSqlite_ForeignApplicationId_ThrowsNotAShipgateDatabase()
    {
        var path = Path.Combine(_temp.Path, "other.db");
        RawSqlite.Execute(path, "PRAGMA application_id = 1234");

        var ex = Assert.Throws<StoreException>(() => RunStores.OpenSqlite(path));

        Assert.Contains("not a Shipgate database (its SQLite application id is 0x000004d2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSqlite_NewerSchemaVersion_ThrowsSayingToUpgrade()
    {
        await (await RunStores.OpenSqliteAsync(_temp.DatabasePath)).DisposeAsync();
        RawSqlite.Execute(_temp.DatabasePath, "INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'from the future', '2030-01-01T00:00:00.0000000Z')");

        var ex = await Assert.ThrowsAsync<StoreException>(() => RunStores.OpenSqliteAsync(_temp.DatabasePath));

        Assert.Equal(
            $"{_temp.DatabasePath}: the database has schema version 7, written by a newer Shipgate; this Shipgate supports up to version {SqliteSchema.CurrentVersion}. " +
            "Upgrade shipgate, or point it at another database file.",
            ex.Message);
    }

    [Fact]
    public void OpenSqlite_PathIsAFolder_ThrowsCannotOpen()
    {
        var ex = Assert.Throws<StoreException>(() => RunStores.OpenSqlite(_temp.Path));

        Assert.StartsWith(_temp.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot open the database file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSqlite_ReturnsAStoreThatKeepsResults()
    {
        await using var store = RunStores.OpenSqlite(_temp.DatabasePath);
        await store.CreateRunAsync(Samples.Run());

        await store.AddResultAsync(Samples.Result());

        Assert.Equal(RunStatus.Running, (await store.GetRunAsync("run-1"))!.Status);
        Assert.Single(await store.GetResultsAsync("run-1"));
    }
}
