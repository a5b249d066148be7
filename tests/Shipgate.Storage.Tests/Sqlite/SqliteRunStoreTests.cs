using Shipgate.Runs;
using Shipgate.Storage.Sqlite;

namespace Shipgate.Storage.Tests.Sqlite;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private SqliteRunStore Open(string? path = null) => SqliteRunStore.Open(path ?? _temp.DatabasePath, TimeProvider.System);

    [Fact]
    public async Task CreateRunAsync_ThenGetRunAsync_RoundTripsEveryField()
    {
        await using var store = Open();
        var run = Samples.Run() with
        {
            StartedAt = new DateTimeOffset(2026, 3, 14, 11, 26, 53, TimeSpan.FromHours(2)).AddTicks(1234567),
            FinishedAt = Samples.T0.AddMinutes(3),
            Status = RunStatus.Failed,
            Error = "auth failed: 401 from openai",
        };

        await store.CreateRunAsync(run);
        var stored = await store.GetRunAsync("run-1");

        Assert.NotNull(stored);
        Assert.Equal(run.Id, stored.Id);
        Assert.Equal(run.Feature, stored.Feature);
        Assert.Equal(run.StartedAt, stored.StartedAt);
        Assert.Equal(run.FinishedAt, stored.FinishedAt);
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.Equal(run.SpecHash, stored.SpecHash);
        Assert.Equal(run.Candidates, stored.Candidates);
        Assert.Equal(run.CaseIds, stored.CaseIds);
        Assert.Equal(2, stored.Repeats);
        Assert.Equal(run.Error, stored.Error);
        Assert.Equal(RunRecord.CurrentSchemaVersion, stored.SchemaVersion);
        Assert.Equal(12, stored.PlannedCount);
    }

    [Fact]
    public async Task GetRunAsync_UnknownId_ReturnsNull()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        Assert.Null(await store.GetRunAsync("run-2"));
    }

    [Fact]
    public async Task CreateRunAsync_SameIdTwice_ThrowsAndKeepsFirst()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run(feature: "first"));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateRunAsync(Samples.Run(feature: "second")));

        Assert.Contains("run run-1 already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal("first", (await store.GetRunAsync("run-1"))!.Feature);
    }

    [Fact]
    public async Task AddResultAsync_ThenGetResultsAsync_RoundTripsEveryField()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        var result = Samples.Result();

        await store.AddResultAsync(result);
        var stored = Assert.Single(await store.GetResultsAsync("run-1"));

        Assert.Equal(result.RunId, stored.RunId);
        Assert.Equal(result.CaseId, stored.CaseId);
        Assert.Equal(result.CandidateId, stored.CandidateId);
        Assert.Equal(result.Repeat, stored.Repeat);
        Assert.Equal(result.Output, stored.Output);
        Assert.Equal(result.Prompt, stored.Prompt);
        Assert.True(stored.Pass);
        Assert.Equal(result.Score, stored.Score);
        Assert.Equal(result.Assertions, stored.Assertions);
        Assert.Equal(result.Tags, stored.Tags);
        Assert.Equal(1234, stored.InputTokens);
        Assert.Equal(56, stored.OutputTokens);
        Assert.Equal(1024, stored.CachedInputTokens);
        Assert.True(stored.UsageKnown);
        Assert.Equal(812.25, stored.LatencyMs);
        Assert.Equal(0.000042m, stored.CostUsd);
        Assert.Null(stored.Error);
        Assert.True(stored.FromCache);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(result.CompletedAt, stored.CompletedAt);
    }

    [Fact]
    public async Task AddResultAsync_NullCostOutputAndPrompt_StayNull()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        await store.AddResultAsync(Samples.Result() with
        {
            Output = null,
            Prompt = null,
            CostUsd = null,
            Pass = false,
            UsageKnown = false,
            FromCache = false,
            Error = "timeout after 3 attempts",
            Assertions = [],
            Tags = [],
        });
        var stored = Assert.Single(await store.GetResultsAsync("run-1"));

        Assert.Null(stored.CostUsd);
        Assert.Null(stored.Output);
        Assert.Null(stored.Prompt);
        Assert.False(stored.Pass);
        Assert.False(stored.UsageKnown);
        Assert.False(stored.FromCache);
        Assert.Equal("timeout after 3 attempts", stored.Error);
        Assert.Empty(stored.Assertions);
        Assert.Empty(stored.Tags);
    }

    [Theory]
    [InlineData("0.000042")]
    [InlineData("1.50")]
    [InlineData("0")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("-12.3456789012345678901234567")]
    public async Task AddResultAsync_Cost_IsStoredExactlyWithItsScale(string text)
    {
        var cost = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        await store.AddResultAsync(Samples.Result() with { CostUsd = cost });
        var stored = Assert.Single(await store.GetResultsAsync("run-1")).CostUsd;

        Assert.Equal(cost, stored);
        Assert.Equal(text, stored!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AddResultAsync_Cost_IsWrittenAsDecimalTextNotAFloat()
    {
        await using (var store = Open())
        {
            await store.CreateRunAsync(Samples.Run());
            await store.AddResultAsync(Samples.Result() with { CostUsd = 0.000042m });
        }

        Assert.Equal("0.000042", RawSqlite.Scalar(_temp.DatabasePath, "SELECT cost_usd FROM results"));
        Assert.Equal("text", RawSqlite.Scalar(_temp.DatabasePath, "SELECT typeof(cost_usd) FROM results"));
    }

    [Fact]
    public async Task AddResultAsync_DuplicateKey_ThrowsClearErrorAndKeepsFirst()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        await store.AddResultAsync(Samples.Result() with { Output = "first" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddResultAsync(Samples.Result() with { Output = "second" }));

        Assert.Equal("result for case case-1 candidate gpt-small repeat 0 already recorded in run run-1.", ex.Message);
        Assert.Equal("first", Assert.Single(await store.GetResultsAsync("run-1")).Output);
    }

    [Fact]
    public async Task AddResultAsync_SameCaseOtherRepeatCandidateOrRun_IsNotADuplicate()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("run-1"));
        await store.CreateRunAsync(Samples.Run("run-2"));

        await store.AddResultAsync(Samples.Result("run-1", "case-1", "gpt-small", 0));
        await store.AddResultAsync(Samples.Result("run-1", "case-1", "gpt-small", 1));
        await store.AddResultAsync(Samples.Result("run-1", "case-1", "local", 0));
        await store.AddResultAsync(Samples.Result("run-2", "case-1", "gpt-small", 0));

        Assert.Equal(3, (await store.GetResultsAsync("run-1")).Count);
        Assert.Single(await store.GetResultsAsync("run-2"));
    }

    [Fact]
    public async Task AddResultAsync_UnknownRun_ThrowsNamingTheRun()
    {
        await using var store = Open();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddResultAsync(Samples.Result("nope")));

        Assert.Contains("run nope does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddResultAsync_RejectedWritesQueuedWithGoodOnes_OnlyTheRejectedFail()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        // Queued without awaiting, so they share group-commit batches.
        var good = Enumerable.Range(0, 50).Select(i => store.AddResultAsync(Samples.Result(caseId: $"case-{i}"))).ToList();
        var unknownRun = store.AddResultAsync(Samples.Result("ghost"));
        var duplicate = store.AddResultAsync(Samples.Result(caseId: "case-0"));
        good.AddRange(Enumerable.Range(50, 50).Select(i => store.AddResultAsync(Samples.Result(caseId: $"case-{i}"))));

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<InvalidOperationException>(() => unknownRun);
        await Assert.ThrowsAsync<InvalidOperationException>(() => duplicate);

        Assert.Equal(100, (await store.GetResultsAsync("run-1")).Count);
    }

    [Fact]
    public async Task AddResultAsync_NaNScore_ThrowsArgumentException()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.AddResultAsync(Samples.Result() with { Score = double.NaN }));

        Assert.Contains("case case-1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetResultsAsync("run-1"));
    }

    [Fact]
    public async Task AddResultAsync_CancelledBeforeQueued_StoresNothing()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddResultAsync(Samples.Result(), new CancellationToken(canceled: true)));

        Assert.Empty(await store.GetResultsAsync("run-1"));
    }

    [Fact]
    public async Task GetResultsAsync_ResultsAddedInAnyOrder_AreOrderedByCandidateCaseRepeat()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        (string Candidate, string Case, int Repeat)[] keys =
        [
            ("local", "case-2", 1), ("gpt-small", "case-2", 0), ("local", "case-1", 0),
            ("gpt-small", "case-1", 1), ("gpt-small", "case-1", 0), ("local", "case-2", 0),
        ];
        foreach (var (candidate, caseId, repeat) in keys)
        {
            await store.AddResultAsync(Samples.Result(candidateId: candidate, caseId: caseId, repeat: repeat));
        }

        var order = (await store.GetResultsAsync("run-1")).Select(r => $"{r.CandidateId}/{r.CaseId}/{r.Repeat}");

        Assert.Equal(
            ["gpt-small/case-1/0", "gpt-small/case-1/1", "gpt-small/case-2/0", "local/case-1/0", "local/case-2/0", "local/case-2/1"],
            order);
    }

    [Fact]
    public async Task FinishRunAsync_SetsStatusFinishedAtAndError()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        var finishedAt = Samples.T0.AddMinutes(7);

        await store.FinishRunAsync("run-1", RunStatus.Interrupted, finishedAt, "stopped by Ctrl+C");
        var run = await store.GetRunAsync("run-1");

        Assert.Equal(RunStatus.Interrupted, run!.Status);
        Assert.Equal(finishedAt, run.FinishedAt);
        Assert.Equal("stopped by Ctrl+C", run.Error);
    }

    [Fact]
    public async Task FinishRunAsync_UnknownRun_ThrowsNamingTheRun()
    {
        await using var store = Open();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FinishRunAsync("ghost", RunStatus.Completed, Samples.T0, null));

        Assert.Contains("run ghost does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatestRunAsync_SeveralRuns_ReturnsMostRecentlyStartedOfThatFeature()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("b", startedAt: Samples.T0.AddHours(2)));
        await store.CreateRunAsync(Samples.Run("a", startedAt: Samples.T0.AddHours(1)));
        await store.CreateRunAsync(Samples.Run("c", startedAt: Samples.T0));
        await store.CreateRunAsync(Samples.Run("other", feature: "classify", startedAt: Samples.T0.AddHours(5)));

        var latest = await store.GetLatestRunAsync("summarize");

        Assert.Equal("b", latest!.Id);
    }

    [Fact]
    public async Task GetLatestRunAsync_OffsetsDiffer_ComparesInstantsNotText()
    {
        await using var store = Open();
        // 10:00+05:00 is 05:00 UTC: earlier than 06:00 UTC although its local text sorts later.
        await store.CreateRunAsync(Samples.Run("east", startedAt: new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.FromHours(5))));
        await store.CreateRunAsync(Samples.Run("utc", startedAt: new DateTimeOffset(2026, 3, 14, 6, 0, 0, TimeSpan.Zero)));

        Assert.Equal("utc", (await store.GetLatestRunAsync("summarize"))!.Id);
    }

    [Fact]
    public async Task GetLatestRunAsync_WithStatuses_SkipsRunsInOtherStatuses()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("done", startedAt: Samples.T0, status: RunStatus.Completed));
        await store.CreateRunAsync(Samples.Run("stopped", startedAt: Samples.T0.AddHours(1), status: RunStatus.Interrupted));
        await store.CreateRunAsync(Samples.Run("crashed", startedAt: Samples.T0.AddHours(2), status: RunStatus.Running));
        await store.CreateRunAsync(Samples.Run("failed", startedAt: Samples.T0.AddHours(3), status: RunStatus.Failed));

        var resumable = await store.GetLatestRunAsync("summarize", [RunStatus.Interrupted, RunStatus.Running]);
        var completed = await store.GetLatestRunAsync("summarize", [RunStatus.Completed]);

        Assert.Equal("crashed", resumable!.Id);
        Assert.Equal("done", completed!.Id);
    }

    [Fact]
    public async Task GetLatestRunAsync_NoMatch_ReturnsNull()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run(status: RunStatus.Completed));

        Assert.Null(await store.GetLatestRunAsync("classify"));
        Assert.Null(await store.GetLatestRunAsync("summarize", [RunStatus.Failed]));
        Assert.Null(await store.GetLatestRunAsync("summarize", []));
    }

    [Fact]
    public async Task ListRunsAsync_ReturnsNewestFirstWithResultAndPassedCounts()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("old", startedAt: Samples.T0));
        await store.CreateRunAsync(Samples.Run("new", feature: "classify", startedAt: Samples.T0.AddDays(1)));
        await store.CreateRunAsync(Samples.Run("empty", startedAt: Samples.T0.AddHours(1)));
        await store.AddResultAsync(Samples.Result("old", "case-1") with { Pass = true });
        await store.AddResultAsync(Samples.Result("old", "case-2") with { Pass = false });
        await store.AddResultAsync(Samples.Result("old", "case-3") with { Pass = true });
        await store.AddResultAsync(Samples.Result("new", "case-1") with { Pass = false });

        var rows = await store.ListRunsAsync();

        Assert.Equal(["new", "empty", "old"], rows.Select(r => r.Run.Id));
        Assert.Equal([1, 0, 3], rows.Select(r => r.ResultCount));
        Assert.Equal([0, 0, 2], rows.Select(r => r.PassedCount));
        Assert.Equal("classify", rows[0].Run.Feature);
    }

    [Fact]
    public async Task ListRunsAsync_WithLimit_ReturnsOnlyTheNewest()
    {
        await using var store = Open();
        for (var i = 0; i < 5; i++)
        {
            await store.CreateRunAsync(Samples.Run($"run-{i}", startedAt: Samples.T0.AddMinutes(i)));
        }

        var rows = await store.ListRunsAsync(limit: 2);

        Assert.Equal(["run-4", "run-3"], rows.Select(r => r.Run.Id));
    }

    [Fact]
    public async Task PutCachedAsync_ThenGetCachedAsync_RoundTripsEveryField()
    {
        await using var store = Open();
        var response = new CachedResponse("cached answer", 100, 20, 64, true, 431.5, Samples.T0);

        await store.PutCachedAsync("sha256:key", response);

        Assert.Equal(response, await store.GetCachedAsync("sha256:key"));
        Assert.Null(await store.GetCachedAsync("sha256:other"));
    }

    [Fact]
    public async Task PutCachedAsync_SameKeyTwice_KeepsTheLatest()
    {
        await using var store = Open();
        await store.PutCachedAsync("k", new CachedResponse("old", 1, 2, 0, true, 10, Samples.T0));
        var newer = new CachedResponse("new", 3, 4, 1, false, 20, Samples.T0.AddHours(1));

        await store.PutCachedAsync("k", newer);

        Assert.Equal(newer, await store.GetCachedAsync("k"));
    }

    [Fact]
    public async Task AddResultAsync_SixteenTasksConcurrently_StoresEveryResultExactlyOnce()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await store.AddResultAsync(Samples.Result(caseId: $"case-{i:D3}", candidateId: $"worker-{worker:D2}") with { CostUsd = 0.000001m * i });
            }
        })));
        var results = await store.GetResultsAsync("run-1");

        Assert.Equal(3200, results.Count);
        Assert.Equal(3200, results.Select(r => r.Key).Distinct().Count());
        Assert.Equal(16 * 0.000001m * (199 * 200 / 2), results.Sum(r => r.CostUsd!.Value));
        Assert.Equal(3200, (await store.ListRunsAsync()).Single().ResultCount);
    }

    [Fact]
    public async Task AddResultAsync_SameKeysFromManyTasksAtOnce_ExactlyOneWritePerKeySucceeds()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run());
        var writes = Enumerable.Range(0, 4).SelectMany(attempt => Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => store.AddResultAsync(Samples.Result(caseId: $"case-{i}") with { Output = $"attempt {attempt}" })))).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));

        Assert.Equal(100, outcomes.Count(ok => ok));
        Assert.Equal(100, (await store.GetResultsAsync("run-1")).Count);
    }

    [Fact]
    public async Task DisposeAsync_ThenReopen_KeepsRunsResultsAndCache()
    {
        await using (var store = Open())
        {
            await store.CreateRunAsync(Samples.Run());
            await store.AddResultAsync(Samples.Result());
            await store.FinishRunAsync("run-1", RunStatus.Completed, Samples.T0.AddMinutes(1), null);
            await store.PutCachedAsync("k", new CachedResponse("cached", 1, 2, 3, true, 4, Samples.T0));
        }

        await using var reopened = Open();

        Assert.Equal(RunStatus.Completed, (await reopened.GetRunAsync("run-1"))!.Status);
        Assert.Equal(0.000042m, Assert.Single(await reopened.GetResultsAsync("run-1")).CostUsd);
        Assert.Equal("cached", (await reopened.GetCachedAsync("k"))!.Output);
    }

    [Fact]
    public async Task DisposeAsync_WithWritesStillQueued_CommitsThemAll()
    {
        var store = Open();
        await store.CreateRunAsync(Samples.Run());
        var pending = Enumerable.Range(0, 500).Select(i => store.AddResultAsync(Samples.Result(caseId: $"case-{i}"))).ToList();

        await store.DisposeAsync();
        await Task.WhenAll(pending);

        await using var reopened = Open();
        Assert.Equal(500, (await reopened.GetResultsAsync("run-1")).Count);
    }

    [Fact]
    public async Task AddResultAsync_AfterItCompletes_IsVisibleToAnotherStoreWhileTheFirstIsStillOpen()
    {
        await using var writer = Open();
        await writer.CreateRunAsync(Samples.Run());
        await writer.AddResultAsync(Samples.Result());

        await using var other = Open();

        Assert.Single(await other.GetResultsAsync("run-1"));
    }

    [Fact]
    public async Task AddResultAsync_AfterItCompletes_SurvivesAKilledProcess()
    {
        // A kill leaves the files exactly as they are mid-run: no checkpoint, no close. Copying the database and
        // its WAL while the writer is still open reproduces that state in another place to open.
        await using var writer = Open();
        await writer.CreateRunAsync(Samples.Run());
        await writer.AddResultAsync(Samples.Result());
        var snapshot = Path.Combine(_temp.Path, "after-kill", "shipgate.db");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        CopyShared(_temp.DatabasePath, snapshot);
        CopyShared(_temp.DatabasePath + "-wal", snapshot + "-wal");

        await using var recovered = Open(snapshot);

        Assert.Equal(RunStatus.Running, (await recovered.GetRunAsync("run-1"))!.Status);
        Assert.Equal(Samples.Result().Output, Assert.Single(await recovered.GetResultsAsync("run-1")).Output);
    }

    [Fact]
    public async Task Methods_AfterDisposeAsync_ThrowObjectDisposed()
    {
        var store = Open();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AddResultAsync(Samples.Result()));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetRunAsync("run-1"));
        await store.DisposeAsync(); // twice is fine
    }

    [Fact]
    public async Task FindRunAsync_UniquePrefix_ReturnsThatRun()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("20260314-abc"));
        await store.CreateRunAsync(Samples.Run("20260315-def"));

        Assert.Equal("20260315-def", (await store.FindRunAsync("20260315"))!.Id);
        Assert.Equal("20260314-abc", (await store.FindRunAsync("20260314-abc"))!.Id);
        Assert.Null(await store.FindRunAsync("2027"));
    }

    [Fact]
    public async Task FindRunAsync_ExactIdThatPrefixesAnother_ReturnsTheExactOne()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("abc"));
        await store.CreateRunAsync(Samples.Run("abcd"));

        Assert.Equal("abc", (await store.FindRunAsync("abc"))!.Id);
    }

    [Fact]
    public async Task FindRunAsync_AmbiguousPrefix_ThrowsListingTheMatches()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("abc1"));
        await store.CreateRunAsync(Samples.Run("abc2", feature: "classify"));
        await store.CreateRunAsync(Samples.Run("xyz"));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FindRunAsync("abc"));

        Assert.Contains("'abc' is ambiguous", ex.Message, StringComparison.Ordinal);
        Assert.Contains("abc1 (summarize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("abc2 (classify", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindRunAsync_PrefixWithLikeWildcards_MatchesLiterally()
    {
        await using var store = Open();
        await store.CreateRunAsync(Samples.Run("a_1"));
        await store.CreateRunAsync(Samples.Run("ab1"));

        Assert.Equal("a_1", (await store.FindRunAsync("a_"))!.Id);
        Assert.Null(await store.FindRunAsync("A"));
    }

    private static void CopyShared(string source, string destination)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var to = File.Create(destination);
        from.CopyTo(to);
    }
}
