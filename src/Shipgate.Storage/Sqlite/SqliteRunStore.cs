using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Shipgate.Runs;

namespace Shipgate.Storage.Sqlite;

/// <summary>
/// <see cref="IRunStore"/> on one SQLite file (WAL, synchronous=NORMAL). One connection serves everything:
/// SQLite serialises writers anyway, so writes go through a channel to a single writer loop that commits every
/// write waiting at that moment in one transaction (group commit); each write's task completes after its commit.
/// Reads share the connection through a gate and never see a half-written batch.
/// </summary>
internal sealed partial class SqliteRunStore : IRunStore
{
    // Bounds the work done per transaction so a read waiting for the gate is not starved behind a huge backlog.
    private const int MaxBatch = 1024;

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private const string RunColumns = "id, feature, started_at, finished_at, status, spec_hash, repeats, planned, error, schema_version";

    private const string ResultColumns =
        "run_id, case_id, candidate_id, repeat, output, prompt, pass, score, assertions, tags, input_tokens, output_tokens, " +
        "cached_input_tokens, usage_known, latency_ms, cost_usd, error, from_cache, attempts, completed_at";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<SqliteWrite> _writes = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteCommand _insertRun;
    private readonly SqliteCommand _insertResult;
    private readonly SqliteCommand _finishRun;
    private readonly SqliteCommand _putCached;
    private readonly Task _writer;
    private int _disposeStarted;
    private bool _closed;

    private SqliteRunStore(SqliteConnection connection, string databasePath)
    {
        _connection = connection;
        DatabasePath = databasePath;
        _insertRun = Prepare($"INSERT INTO runs ({RunColumns}) VALUES ($id, $feature, $started_at, $finished_at, $status, $spec_hash, $repeats, $planned, $error, $schema_version)");
        _insertResult = Prepare(
            $"INSERT INTO results ({ResultColumns}) VALUES ($run_id, $case_id, $candidate_id, $repeat, $output, $prompt, $pass, $score, $assertions, $tags, " +
            "$input_tokens, $output_tokens, $cached_input_tokens, $usage_known, $latency_ms, $cost_usd, $error, $from_cache, $attempts, $completed_at) " +
            "ON CONFLICT (run_id, candidate_id, case_id, repeat) DO NOTHING");
        _finishRun = Prepare("UPDATE runs SET status = $status, finished_at = $finished_at, error = $error WHERE id = $id");
        _putCached = Prepare(
            "INSERT INTO response_cache (key, output, input_tokens, output_tokens, cached_input_tokens, usage_known, latency_ms, created_at) " +
            "VALUES ($key, $output, $input_tokens, $output_tokens, $cached_input_tokens, $usage_known, $latency_ms, $created_at) " +
            "ON CONFLICT (key) DO UPDATE SET output = excluded.output, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, " +
            "cached_input_tokens = excluded.cached_input_tokens, usage_known = excluded.usage_known, latency_ms = excluded.latency_ms, created_at = excluded.created_at");
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens or creates the store; see <see cref="RunStores.OpenSqlite"/>.</summary>
    public static SqliteRunStore Open(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(time);
        var path = Path.GetFullPath(databasePath);
        SqliteConnection? connection = null;
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false, // a disposed store must really close the file (tests, `rm`, other processes)
                DefaultTimeout = 30, // seconds to wait for another process's lock
            }.ToString());
            connection.Open();

            // Check and migrate before touching journal settings, so a foreign file is left as it was.
            SqliteSchema.EnsureCurrent(connection, path, time);
            using (var pragmas = connection.CreateCommand())
            {
                // WAL + NORMAL: a commit is in the WAL file before the call returns, so a killed process loses
                // nothing it was told is stored; only an OS crash or power loss can drop the last commits.
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
                pragmas.ExecuteNonQuery();
            }

            return new SqliteRunStore(connection, path);
        }
        catch (StoreException)
        {
            connection?.Dispose();
            throw;
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw new StoreException(path, Describe(path, ex), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new StoreException(path, $"{path}: cannot create the database folder ({ex.Message}). Check the path and its permissions.", ex);
        }
    }

    /// <inheritdoc cref="Open"/>
    public static Task<SqliteRunStore> OpenAsync(string databasePath, TimeProvider time, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(databasePath, time), cancellationToken);

    /// <remarks>The token is observed until the write is queued; a queued write is committed (finished work is kept).</remarks>
    public Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var planned = SqliteValues.ToJson(new SqlitePlan(run.Candidates, run.CaseIds));
        return EnqueueAsync(() =>
        {
            Bind(_insertRun, "$id", run.Id);
            Bind(_insertRun, "$feature", run.Feature);
            Bind(_insertRun, "$started_at", SqliteValues.FormatTime(run.StartedAt));
            Bind(_insertRun, "$finished_at", run.FinishedAt is { } finished ? SqliteValues.FormatTime(finished) : null);
            Bind(_insertRun, "$status", SqliteValues.FormatStatus(run.Status));
            Bind(_insertRun, "$spec_hash", run.SpecHash);
            Bind(_insertRun, "$repeats", run.Repeats);
            Bind(_insertRun, "$planned", planned);
            Bind(_insertRun, "$error", run.Error);
            Bind(_insertRun, "$schema_version", run.SchemaVersion);
            try
            {
                _insertRun.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
            {
                throw new InvalidOperationException($"run {run.Id} already exists in {DatabasePath}; every run needs a new id.", ex);
            }
        }, cancellationToken);
    }

    /// <remarks>
    /// Durable (survives a killed process) when the task completes. The token is observed until the write is
    /// queued; a queued write is committed. A second result for the same (run, candidate, case, repeat) fails
    /// with <see cref="InvalidOperationException"/> and leaves the first untouched.
    /// </remarks>
    public Task AddResultAsync(ResultRecord result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        // SQLite turns NaN into NULL; reject it here where the caller can see which result was wrong.
        if (!double.IsFinite(result.Score) || !double.IsFinite(result.LatencyMs))
        {
            return Task.FromException(new ArgumentException(
                $"result for case {result.CaseId} candidate {result.CandidateId} repeat {result.Repeat}: Score ({result.Score}) and LatencyMs ({result.LatencyMs}) must be finite numbers.",
                nameof(result)));
        }

        var assertions = SqliteValues.ToJson(result.Assertions);
        var tags = SqliteValues.ToJson(result.Tags);
        return EnqueueAsync(() =>
        {
            Bind(_insertResult, "$run_id", result.RunId);
            Bind(_insertResult, "$case_id", result.CaseId);
            Bind(_insertResult, "$candidate_id", result.CandidateId);
            Bind(_insertResult, "$repeat", result.Repeat);
            Bind(_insertResult, "$output", result.Output);
            Bind(_insertResult, "$prompt", result.Prompt);
            Bind(_insertResult, "$pass", result.Pass);
            Bind(_insertResult, "$score", result.Score);
            Bind(_insertResult, "$assertions", assertions);
            Bind(_insertResult, "$tags", tags);
            Bind(_insertResult, "$input_tokens", result.InputTokens);
            Bind(_insertResult, "$output_tokens", result.OutputTokens);
            Bind(_insertResult, "$cached_input_tokens", result.CachedInputTokens);
            Bind(_insertResult, "$usage_known", result.UsageKnown);
            Bind(_insertResult, "$latency_ms", result.LatencyMs);
            Bind(_insertResult, "$cost_usd", result.CostUsd is { } cost ? SqliteValues.FormatMoney(cost) : null);
            Bind(_insertResult, "$error", result.Error);
            Bind(_insertResult, "$from_cache", result.FromCache);
            Bind(_insertResult, "$attempts", result.Attempts);
            Bind(_insertResult, "$completed_at", SqliteValues.FormatTime(result.CompletedAt));
            int inserted;
            try
            {
                inserted = _insertResult.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintForeignKey)
            {
                throw new InvalidOperationException($"run {result.RunId} does not exist in {DatabasePath}; create the run before adding its results.", ex);
            }

            if (inserted == 0)
            {
                throw new InvalidOperationException(
                    $"result for case {result.CaseId} candidate {result.CandidateId} repeat {result.Repeat} already recorded in run {result.RunId}.");
            }
        }, cancellationToken);
    }

    /// <remarks>The token is observed until the write is queued; a queued write is committed.</remarks>
    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, string? error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var statusText = SqliteValues.FormatStatus(status);
        return EnqueueAsync(() =>
        {
            Bind(_finishRun, "$id", runId);
            Bind(_finishRun, "$status", statusText);
            Bind(_finishRun, "$finished_at", SqliteValues.FormatTime(finishedAt));
            Bind(_finishRun, "$error", error);
            if (_finishRun.ExecuteNonQuery() == 0)
            {
                throw new InvalidOperationException($"run {runId} does not exist in {DatabasePath}; cannot finish it.");
            }
        }, cancellationToken);
    }

    public Task DiscardErroredResultsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return EnqueueAsync(() =>
        {
            // Not prepared up front: resume calls this once per run, never on a hot path.
            using var discard = _connection.CreateCommand();
            discard.CommandText = "DELETE FROM results WHERE run_id = $run_id AND error IS NOT NULL";
            discard.Parameters.AddWithValue("$run_id", runId);
            discard.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task PutCachedAsync(string key, CachedResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        if (!double.IsFinite(response.LatencyMs))
        {
            return Task.FromException(new ArgumentException($"cached response {key}: LatencyMs ({response.LatencyMs}) must be a finite number.", nameof(response)));
        }

        return EnqueueAsync(() =>
        {
            Bind(_putCached, "$key", key);
            Bind(_putCached, "$output", response.Output);
            Bind(_putCached, "$input_tokens", response.InputTokens);
            Bind(_putCached, "$output_tokens", response.OutputTokens);
            Bind(_putCached, "$cached_input_tokens", response.CachedInputTokens);
            Bind(_putCached, "$usage_known", response.UsageKnown);
            Bind(_putCached, "$latency_ms", response.LatencyMs);
            Bind(_putCached, "$created_at", SqliteValues.FormatTime(response.CreatedAt));
            _putCached.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync(connection =>
        {
            using var command = Command(connection, $"SELECT {RunColumns} FROM runs WHERE id = $id", ("$id", runId));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadRun(reader) : null;
        }, cancellationToken);
    }

    /// <remarks>An empty <paramref name="statuses"/> matches no run; null matches every status.</remarks>
    public Task<RunRecord?> GetLatestRunAsync(string feature, IReadOnlyCollection<RunStatus>? statuses = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (statuses is { Count: 0 })
        {
            return Task.FromResult<RunRecord?>(null);
        }

        return ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {RunColumns} FROM runs WHERE feature = $feature");
            command.Parameters.AddWithValue("$feature", feature);
            if (statuses is not null)
            {
                var names = statuses.Distinct().Select((status, i) =>
                {
                    var name = "$status" + i.ToString(CultureInfo.InvariantCulture);
                    command.Parameters.AddWithValue(name, SqliteValues.FormatStatus(status));
                    return name;
                }).ToList();
                sql.Append(" AND status IN (").AppendJoin(", ", names).Append(')');
            }

            // rowid breaks ties between runs started in the same tick: the one created last wins.
            sql.Append(" ORDER BY started_at DESC, rowid DESC LIMIT 1");
            command.CommandText = sql.ToString();
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadRun(reader) : null;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<RunSummaryRow>> ListRunsAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<RunSummaryRow>>(connection =>
        {
            using var command = Command(
                connection,
                $"SELECT {RunColumns}, " +
                "(SELECT count(*) FROM results WHERE results.run_id = runs.id), " +
                "(SELECT count(*) FROM results WHERE results.run_id = runs.id AND results.pass = 1) " +
                "FROM runs ORDER BY started_at DESC, rowid DESC LIMIT $limit",
                ("$limit", limit));
            using var reader = command.ExecuteReader();
            var rows = new List<RunSummaryRow>();
            while (reader.Read())
            {
                rows.Add(new RunSummaryRow(ReadRun(reader), reader.GetInt32(10), reader.GetInt32(11)));
            }

            return rows;
        }, cancellationToken);
    }

    /// <summary>Results of the run ordered by candidate id, case id, repeat (ordinal).</summary>
    public Task<IReadOnlyList<ResultRecord>> GetResultsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync<IReadOnlyList<ResultRecord>>(connection =>
        {
            using var command = Command(
                connection,
                $"SELECT {ResultColumns} FROM results WHERE run_id = $run_id ORDER BY candidate_id, case_id, repeat",
                ("$run_id", runId));
            using var reader = command.ExecuteReader();
            var results = new List<ResultRecord>();
            while (reader.Read())
            {
                results.Add(ReadResult(reader));
            }

            return results;
        }, cancellationToken);
    }

    public Task AddLabelAsync(HumanLabel label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Score is < 1 or > 5)
        {
            return Task.FromException(new ArgumentException($"label score {label.Score} for case {label.CaseId} must be 1-5.", nameof(label)));
        }

        return EnqueueAsync(() =>
        {
            using var upsert = _connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO labels (run_id, candidate_id, case_id, repeat, criterion, labeler, score, note, source, created_at)
                VALUES ($run_id, $candidate_id, $case_id, $repeat, $criterion, $labeler, $score, $note, $source, $created_at)
                ON CONFLICT (run_id, candidate_id, case_id, repeat, criterion, labeler)
                DO UPDATE SET score = excluded.score, note = excluded.note, source = excluded.source, created_at = excluded.created_at
                """;
            upsert.Parameters.AddWithValue("$run_id", label.RunId);
            upsert.Parameters.AddWithValue("$candidate_id", label.CandidateId);
            upsert.Parameters.AddWithValue("$case_id", label.CaseId);
            upsert.Parameters.AddWithValue("$repeat", label.Repeat);

            // '' stands for "overall" so the primary key works (SQLite treats NULLs as distinct).
            upsert.Parameters.AddWithValue("$criterion", label.Criterion ?? "");
            upsert.Parameters.AddWithValue("$labeler", label.Labeler);
            upsert.Parameters.AddWithValue("$score", label.Score);
            upsert.Parameters.AddWithValue("$note", (object?)label.Note ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$source", label.Source);
            upsert.Parameters.AddWithValue("$created_at", SqliteValues.FormatTime(label.CreatedAt));
            upsert.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<IReadOnlyList<HumanLabel>> GetLabelsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<HumanLabel>>(connection =>
        {
            using var command = Command(
                connection,
                "SELECT run_id, candidate_id, case_id, repeat, criterion, labeler, score, note, source, created_at FROM labels ORDER BY created_at, rowid");
            using var reader = command.ExecuteReader();
            var labels = new List<HumanLabel>();
            while (reader.Read())
            {
                labels.Add(new HumanLabel
                {
                    RunId = reader.GetString(0),
                    CandidateId = reader.GetString(1),
                    CaseId = reader.GetString(2),
                    Repeat = reader.GetInt32(3),
                    Criterion = reader.GetString(4) is { Length: > 0 } criterion ? criterion : null,
                    Labeler = reader.GetString(5),
                    Score = reader.GetInt32(6),
                    Note = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Source = reader.GetString(8),
                    CreatedAt = SqliteValues.ParseTime(reader.GetString(9)),
                });
            }

            return labels;
        }, cancellationToken);

    /// <remarks>Decided inside the writer's IMMEDIATE transaction, so two processes can never both take the lease.</remarks>
    public Task<RunLease?> TryAcquireLeaseAsync(RunLease lease, string? takeOverFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        RunLease? holder = null;
        var write = EnqueueAsync(() =>
        {
            holder = ReadLease(_connection, lease.RunId);
            if (holder is not null && holder.Owner != lease.Owner && holder.ExpiresAt > lease.AcquiredAt && holder.Owner != takeOverFrom)
            {
                return;
            }

            holder = null;
            using var upsert = _connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO run_leases (run_id, owner, process_id, host, acquired_at, heartbeat_at, expires_at)
                VALUES ($run_id, $owner, $process_id, $host, $acquired_at, $heartbeat_at, $expires_at)
                ON CONFLICT (run_id) DO UPDATE SET owner = excluded.owner, process_id = excluded.process_id, host = excluded.host,
                    acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at
                """;
            upsert.Parameters.AddWithValue("$run_id", lease.RunId);
            upsert.Parameters.AddWithValue("$owner", lease.Owner);
            upsert.Parameters.AddWithValue("$process_id", lease.ProcessId);
            upsert.Parameters.AddWithValue("$host", lease.Host);
            upsert.Parameters.AddWithValue("$acquired_at", SqliteValues.FormatTime(lease.AcquiredAt));
            upsert.Parameters.AddWithValue("$heartbeat_at", SqliteValues.FormatTime(lease.HeartbeatAt));
            upsert.Parameters.AddWithValue("$expires_at", SqliteValues.FormatTime(lease.ExpiresAt));
            try
            {
                upsert.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintForeignKey)
            {
                throw new InvalidOperationException($"run {lease.RunId} does not exist in {DatabasePath}; create the run before leasing it.", ex);
            }
        }, cancellationToken);
        return Then(write, () => holder);
    }

    public Task<bool> RenewLeaseAsync(string runId, string owner, DateTimeOffset heartbeatAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(owner);
        var renewed = false;
        var write = EnqueueAsync(() =>
        {
            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE run_leases SET heartbeat_at = $heartbeat_at, expires_at = $expires_at WHERE run_id = $run_id AND owner = $owner";
            update.Parameters.AddWithValue("$run_id", runId);
            update.Parameters.AddWithValue("$owner", owner);
            update.Parameters.AddWithValue("$heartbeat_at", SqliteValues.FormatTime(heartbeatAt));
            update.Parameters.AddWithValue("$expires_at", SqliteValues.FormatTime(expiresAt));
            renewed = update.ExecuteNonQuery() == 1;
        }, cancellationToken);
        return Then(write, () => renewed);
    }

    public Task ReleaseLeaseAsync(string runId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(owner);
        return EnqueueAsync(() =>
        {
            using var delete = _connection.CreateCommand();
            delete.CommandText = "DELETE FROM run_leases WHERE run_id = $run_id AND owner = $owner";
            delete.Parameters.AddWithValue("$run_id", runId);
            delete.Parameters.AddWithValue("$owner", owner);
            delete.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task<RunLease?> GetLeaseAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync(connection => ReadLease(connection, runId), cancellationToken);
    }

    public Task<CachedResponse?> GetCachedAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(connection =>
        {
            using var command = Command(
                connection,
                "SELECT output, input_tokens, output_tokens, cached_input_tokens, usage_known, latency_ms, created_at FROM response_cache WHERE key = $key",
                ("$key", key));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new CachedResponse(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    reader.GetInt64(3),
                    reader.GetBoolean(4),
                    reader.GetDouble(5),
                    SqliteValues.ParseTime(reader.GetString(6)))
                : null;
        }, cancellationToken);
    }

    /// <summary>
    /// The run whose id is <paramref name="idOrPrefix"/>, or else the only run whose id starts with it; null when
    /// none does. Throws <see cref="InvalidOperationException"/> listing the matches when the prefix is ambiguous.
    /// </summary>
    public Task<RunRecord?> FindRunAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        const int shown = 10;
        return ReadAsync(connection =>
        {
            using (var exact = Command(connection, $"SELECT {RunColumns} FROM runs WHERE id = $id", ("$id", idOrPrefix)))
            using (var reader = exact.ExecuteReader())
            {
                if (reader.Read())
                {
                    return ReadRun(reader);
                }
            }

            // substr rather than LIKE: exact, case-sensitive, and no wildcard escaping.
            using var command = Command(
                connection,
                $"SELECT {RunColumns} FROM runs WHERE substr(id, 1, length($prefix)) = $prefix ORDER BY started_at DESC, rowid DESC LIMIT {shown + 1}",
                ("$prefix", idOrPrefix));
            using var matches = command.ExecuteReader();
            var runs = new List<RunRecord>();
            while (matches.Read())
            {
                runs.Add(ReadRun(matches));
            }

            if (runs.Count <= 1)
            {
                return runs.FirstOrDefault();
            }

            var listed = string.Join(", ", runs.Take(shown).Select(r => $"{r.Id} ({r.Feature}, started {SqliteValues.FormatTime(r.StartedAt)})"));
            var more = runs.Count > shown ? ", and more" : "";
            throw new InvalidOperationException($"run id '{idOrPrefix}' is ambiguous: it matches {listed}{more}. Give more characters of the id.");
        }, cancellationToken);
    }

    /// <summary>Commits every queued write, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return;
        }

        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _closed = true;
            _insertRun.Dispose();
            _insertResult.Dispose();
            _finishRun.Dispose();
            _putCached.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task EnqueueAsync(Action apply, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var write = new SqliteWrite(apply);
        if (!_writes.Writer.TryWrite(write))
        {
            return Task.FromException(new ObjectDisposedException(nameof(SqliteRunStore), $"the store {DatabasePath} is closed."));
        }

        return write.Completion;
    }

    private static async Task<T> Then<T>(Task write, Func<T> result)
    {
        await write.ConfigureAwait(false);
        return result();
    }

    private static RunLease? ReadLease(SqliteConnection connection, string runId)
    {
        using var command = Command(
            connection,
            "SELECT run_id, owner, process_id, host, acquired_at, heartbeat_at, expires_at FROM run_leases WHERE run_id = $run_id",
            ("$run_id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RunLease
            {
                RunId = reader.GetString(0),
                Owner = reader.GetString(1),
                ProcessId = reader.GetInt32(2),
                Host = reader.GetString(3),
                AcquiredAt = SqliteValues.ParseTime(reader.GetString(4)),
                HeartbeatAt = SqliteValues.ParseTime(reader.GetString(5)),
                ExpiresAt = SqliteValues.ParseTime(reader.GetString(6)),
            }
            : null;
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            return read(_connection);
        }
        catch (SqliteException ex)
        {
            throw new StoreException(DatabasePath, $"{DatabasePath}: reading failed: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        var batch = new List<SqliteWrite>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                CommitBatch(batch);
            }
            finally
            {
                _gate.Release();
                batch.Clear();
            }
        }
    }

    /// <summary>
    /// Applies the batch in one transaction. A write rejected on its own (duplicate, missing run) fails alone;
    /// anything else (disk full, I/O) rolls back and fails the whole batch. Never throws: the loop must survive.
    /// </summary>
    private void CommitBatch(List<SqliteWrite> batch)
    {
        var applied = new List<SqliteWrite>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            SetTransaction(transaction);
            try
            {
                foreach (var write in batch)
                {
                    try
                    {
                        write.Apply();
                        applied.Add(write);
                    }
                    catch (Exception ex) when (IsRejection(ex))
                    {
                        write.Fail(ex is SqliteException ? new InvalidOperationException($"{DatabasePath}: write rejected: {ex.Message}", ex) : ex);
                    }
                }

                transaction.Commit();
            }
            finally
            {
                SetTransaction(null);
            }
        }
        catch (Exception ex)
        {
            var failure = ex is SqliteException sqlite
                ? new StoreException(DatabasePath, $"{DatabasePath}: writing failed, nothing from this batch was stored: {sqlite.Message}", ex)
                : ex;
            foreach (var write in batch)
            {
                write.Fail(failure); // already-rejected writes keep their own error
            }

            return;
        }

        foreach (var write in applied)
        {
            write.Succeed();
        }
    }

    private static bool IsRejection(Exception ex) =>
        ex is InvalidOperationException or ArgumentException
        || ex is SqliteException { SqliteErrorCode: SqliteConstraint };

    private void SetTransaction(SqliteTransaction? transaction)
    {
        _insertRun.Transaction = transaction;
        _insertResult.Transaction = transaction;
        _finishRun.Transaction = transaction;
        _putCached.Transaction = transaction;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static RunRecord ReadRun(SqliteDataReader reader)
    {
        var plan = SqliteValues.FromJson<SqlitePlan>(reader.GetString(7));
        return new RunRecord
        {
            Id = reader.GetString(0),
            Feature = reader.GetString(1),
            StartedAt = SqliteValues.ParseTime(reader.GetString(2)),
            FinishedAt = reader.IsDBNull(3) ? null : SqliteValues.ParseTime(reader.GetString(3)),
            Status = SqliteValues.ParseStatus(reader.GetString(4)),
            SpecHash = reader.GetString(5),
            Repeats = reader.GetInt32(6),
            Candidates = plan.Candidates,
            CaseIds = plan.CaseIds,
            Error = reader.IsDBNull(8) ? null : reader.GetString(8),
            SchemaVersion = reader.GetInt32(9),
        };
    }

    private static ResultRecord ReadResult(SqliteDataReader reader) => new()
    {
        RunId = reader.GetString(0),
        CaseId = reader.GetString(1),
        CandidateId = reader.GetString(2),
        Repeat = reader.GetInt32(3),
        Output = reader.IsDBNull(4) ? null : reader.GetString(4),
        Prompt = reader.IsDBNull(5) ? null : reader.GetString(5),
        Pass = reader.GetBoolean(6),
        Score = reader.GetDouble(7),
        Assertions = SqliteValues.FromJson<List<AssertionOutcome>>(reader.GetString(8)),
        Tags = SqliteValues.FromJson<List<string>>(reader.GetString(9)),
        InputTokens = reader.GetInt64(10),
        OutputTokens = reader.GetInt64(11),
        CachedInputTokens = reader.GetInt64(12),
        UsageKnown = reader.GetBoolean(13),
        LatencyMs = reader.GetDouble(14),
        CostUsd = reader.IsDBNull(15) ? null : SqliteValues.ParseMoney(reader.GetString(15)),
        Error = reader.IsDBNull(16) ? null : reader.GetString(16),
        FromCache = reader.GetBoolean(17),
        Attempts = reader.GetInt32(18),
        CompletedAt = SqliteValues.ParseTime(reader.GetString(19)),
    };

    private static string Describe(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => $"{path}: not a Shipgate database (it is not a SQLite file). Move the file away or choose another path; Shipgate creates its database when the file is missing.",
        11 => $"{path}: the database file is damaged ({ex.Message}). Restore it from a backup, or move it away to start a new one.",
        14 => $"{path}: cannot open the database file ({ex.Message}). Check that the path is a file and that you may write to its folder.",
        5 or 6 => $"{path}: the database is locked by another process ({ex.Message}). Wait for it to finish and try again.",
        8 => $"{path}: the database is read-only ({ex.Message}). Check the file's permissions.",
        _ => $"{path}: cannot open the database ({ex.Message}).",
    };

    [GeneratedRegex(@"\$[a-z_0-9]+")]
    private static partial Regex ParameterName();
}
