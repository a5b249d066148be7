using Shipgate.Runs;
using Shipgate.Storage.Sqlite;

namespace Shipgate.Storage;

/// <summary>Opens run stores. The caller decides the location (by convention <c>&lt;feature&gt;/.shipgate/shipgate.db</c>).</summary>
public static class RunStores
{
    /// <summary>
    /// Opens (creating the file and its folder if missing) the SQLite store at <paramref name="databasePath"/>,
    /// creating or migrating the schema. Throws <see cref="StoreException"/> when the file is not a Shipgate
    /// database or was written by a newer Shipgate.
    /// </summary>
    public static IRunStore OpenSqlite(string databasePath, TimeProvider? time = null) =>
        SqliteRunStore.Open(databasePath, time ?? TimeProvider.System);

    /// <inheritdoc cref="OpenSqlite"/>
    /// <remarks>Opening can wait for another process's schema migration, so it runs off the caller's thread.</remarks>
    public static async Task<IRunStore> OpenSqliteAsync(string databasePath, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        await SqliteRunStore.OpenAsync(databasePath, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
}
