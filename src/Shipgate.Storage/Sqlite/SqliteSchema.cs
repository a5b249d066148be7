using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Shipgate.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations, and the checks made on open: is this file ours, and is its
/// version one we understand. Later issues append migrations (traces, ...); never edit a shipped one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Written to the SQLite header (<c>PRAGMA application_id</c>) so other tools can tell the file is ours: "SHPG".</summary>
    public const int ApplicationId = 0x53485047;

    public static readonly IReadOnlyList<SqliteMigration> Migrations =
    [
        new(1, "runs, results, response cache", """
            CREATE TABLE runs (
                id              TEXT    NOT NULL PRIMARY KEY,
                feature         TEXT    NOT NULL,
                started_at      TEXT    NOT NULL,
                finished_at     TEXT,
                status          TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
                spec_hash       TEXT    NOT NULL,
                repeats         INTEGER NOT NULL,
                planned         TEXT    NOT NULL,
                error           TEXT,
                schema_version  INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ix_runs_feature_started_at ON runs (feature, started_at);
            CREATE INDEX ix_runs_started_at ON runs (started_at);

            CREATE TABLE results (
                run_id              TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                candidate_id        TEXT    NOT NULL,
                case_id             TEXT    NOT NULL,
                repeat              INTEGER NOT NULL,
                pass                INTEGER NOT NULL,
                score               REAL    NOT NULL,
                output              TEXT,
                prompt              TEXT,
                assertions          TEXT    NOT NULL,
                tags                TEXT    NOT NULL,
                input_tokens        INTEGER NOT NULL,
                output_tokens       INTEGER NOT NULL,
                cached_input_tokens INTEGER NOT NULL,
                usage_known         INTEGER NOT NULL,
                latency_ms          REAL    NOT NULL,
                cost_usd            TEXT,
                error               TEXT,
                from_cache          INTEGER NOT NULL,
                attempts            INTEGER NOT NULL,
                completed_at        TEXT    NOT NULL,
                PRIMARY KEY (run_id, candidate_id, case_id, repeat)
            ) STRICT;

            CREATE TABLE response_cache (
                key                 TEXT    NOT NULL PRIMARY KEY,
                output              TEXT    NOT NULL,
                input_tokens        INTEGER NOT NULL,
                output_tokens       INTEGER NOT NULL,
                cached_input_tokens INTEGER NOT NULL,
                usage_known         INTEGER NOT NULL,
                latency_ms          REAL    NOT NULL,
                created_at          TEXT    NOT NULL
            ) STRICT;
            """),
        new(2, "human labels", """
            CREATE TABLE labels (
                run_id          TEXT    NOT NULL,
                candidate_id    TEXT    NOT NULL,
                case_id         TEXT    NOT NULL,
                repeat          INTEGER NOT NULL,
                criterion       TEXT    NOT NULL,
                labeler         TEXT    NOT NULL,
                score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                note            TEXT,
                source          TEXT    NOT NULL,
                created_at      TEXT    NOT NULL,
                PRIMARY KEY (run_id, candidate_id, case_id, repeat, criterion, labeler)
            ) STRICT;
            """),
        new(3, "run leases", """
            CREATE TABLE run_leases (
                run_id          TEXT    NOT NULL PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
                owner           TEXT    NOT NULL,
                process_id      INTEGER NOT NULL,
                host            TEXT    NOT NULL,
                acquired_at     TEXT    NOT NULL,
                heartbeat_at    TEXT    NOT NULL,
                expires_at      TEXT    NOT NULL
            ) STRICT;
            """),
    ];

    public static int CurrentVersion => Migrations[^1].Version;

    /// <summary>
    /// Checks the file is an empty database or a Shipgate one no newer than this build, then applies missing
    /// migrations in one IMMEDIATE transaction (so two processes opening at once migrate once).
    /// </summary>
    public static void EnsureCurrent(SqliteConnection connection, string databasePath, TimeProvider time)
    {
        // Cheap check first: an up-to-date file needs no write lock.
        if (Check(connection, databasePath) == CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Check(connection, databasePath, transaction);
        if (version == CurrentVersion)
        {
            return; // another process migrated while we waited for the lock
        }

        if (version == 0)
        {
            Execute(connection, transaction, $"""
                PRAGMA application_id = {ApplicationId.ToString(CultureInfo.InvariantCulture)};
                CREATE TABLE schema_version (
                    version     INTEGER NOT NULL PRIMARY KEY,
                    description TEXT    NOT NULL,
                    applied_at  TEXT    NOT NULL
                ) STRICT;
                """);
        }

        foreach (var migration in Migrations.Where(m => m.Version > version))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $applied_at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.Parameters.AddWithValue("$applied_at", SqliteValues.FormatTime(time.GetUtcNow()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Returns the schema version of the file (0 = empty database), or throws a <see cref="StoreException"/>.</summary>
    private static int Check(SqliteConnection connection, string databasePath, SqliteTransaction? transaction = null)
    {
        var applicationId = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA application_id"), CultureInfo.InvariantCulture);
        if (applicationId != 0 && applicationId != ApplicationId)
        {
            throw NotOurs(databasePath, $"its SQLite application id is 0x{applicationId:x8}, another program's");
        }

        var hasVersionTable = Convert.ToInt64(
            Scalar(connection, transaction, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'"),
            CultureInfo.InvariantCulture) == 1;
        if (!hasVersionTable)
        {
            var tables = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT 5";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (tables.Count > 0)
            {
                throw NotOurs(databasePath, $"it has tables ({string.Join(", ", tables)}) but no schema_version table");
            }

            return 0;
        }

        var version = Convert.ToInt32(Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new StoreException(
                databasePath,
                $"{databasePath}: the database has schema version {version}, written by a newer Shipgate; this Shipgate supports up to version {CurrentVersion}. " +
                "Upgrade shipgate, or point it at another database file.");
        }

        return version;
    }

    private static StoreException NotOurs(string databasePath, string why) =>
        new(databasePath, $"{databasePath}: not a Shipgate database ({why}). Move the file away or choose another path; Shipgate creates its database when the file is missing.");

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
