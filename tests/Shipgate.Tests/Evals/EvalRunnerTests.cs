using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Testing;

namespace Shipgate.Tests.Evals;

public sealed class EvalRunnerTests
{
    [Fact]
    public async Task RunAsync_HealthyEndpoint_RecordsOutputsUsageAndCost()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(pricing: new Pricing(1_000_000m, 2_000_000m));

        var outcome = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(3, outcome.Report.Results.Count);
        var result = outcome.Report.Results.Single(r => r.CaseId == "case-1");
        Assert.True(result.Pass, result.Output);
        Assert.Contains("question 1", result.Output, StringComparison.Ordinal);
        Assert.True(result.UsageKnown);
        Assert.True(result.InputTokens > 0 && result.OutputTokens > 0);

        // $1 per input token and $2 per output token make the arithmetic visible.
        Assert.Equal(result.InputTokens + (2 * result.OutputTokens) - result.CachedInputTokens, result.CostUsd);
        var request = f.Server.Requests.First();
        Assert.Equal("stub-model", request.Model);
        Assert.Equal(0, request.Temperature);
        Assert.Equal(64, request.MaxTokens);
        Assert.True(outcome.Report.Candidates.Single().Verdict.Ship);
    }

    [Fact]
    public async Task RunAsync_Streaming_CollectsTextAndUsage()
    {
        await using var f = await RunnerFixture.StartAsync();

        var outcome = await f.Runner().RunAsync(f.Spec(stream: true), RunnerFixture.FastOptions());

        Assert.All(outcome.Report.Results, r =>
        {
            Assert.True(r.Pass, r.Output);
            Assert.True(r.UsageKnown && r.OutputTokens > 0);
        });
        Assert.All(f.Server.Requests, r => Assert.True(r.Stream));
    }

    [Fact]
    public async Task RunAsync_429WithRetryAfter_WaitsThenRetries()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.EnqueueFaults(StubFault.Status(429, retryAfterSeconds: 1));

        var outcome = await f.Runner().RunAsync(f.Spec(cases: 1), RunnerFixture.FastOptions());

        var result = Assert.Single(outcome.Report.Results);
        Assert.True(result.Pass);
        Assert.Equal(2, result.Attempts);
        var arrivals = f.Server.Requests.Select(r => r.ArrivedAt).ToList();
        Assert.Equal(2, arrivals.Count);

        // The backoff base is 20 ms: a gap near a second can only come from honouring Retry-After.
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(900), $"gap was {arrivals[1] - arrivals[0]}");
    }

    [Fact]
    public async Task RunAsync_Transient500s_RetriedUntilSuccess()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.EnqueueFaults(StubFault.Status(500), StubFault.Status(503));

        var outcome = await f.Runner().RunAsync(f.Spec(cases: 1), RunnerFixture.FastOptions());

        var result = Assert.Single(outcome.Report.Results);
        Assert.True(result.Pass);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, f.Server.RequestCount);
    }

    [Fact]
    public async Task RunAsync_RetriesExhausted_RecordsErrorAndKeepsGoing()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.EnqueueFaults(StubFault.Status(500), StubFault.Status(500));

        var outcome = await f.Runner().RunAsync(f.Spec(cases: 1), RunnerFixture.FastOptions(retries: 1));

        var result = Assert.Single(outcome.Report.Results);
        Assert.False(result.Pass);
        Assert.NotNull(result.Error);
        Assert.Equal(2, f.Server.RequestCount);

        // The only candidate never succeeded: that is a failed run, not a NO-SHIP verdict.
        Assert.Equal(RunStatus.Failed, outcome.Status);
    }

    [Fact]
    public async Task RunAsync_Timeout_RetriesThenSucceeds()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.EnqueueFaults(StubFault.Delay(TimeSpan.FromSeconds(10)));
        var options = RunnerFixture.FastOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);

        var outcome = await f.Runner().RunAsync(f.Spec(cases: 1), options);

        var result = Assert.Single(outcome.Report.Results);
        Assert.True(result.Pass, result.Error);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task RunAsync_401_StopsTheRunWithAClearMessage()
    {
        await using var f = await RunnerFixture.StartAsync(new StubServerOptions { FaultRule = _ => StubFault.Status(401) });

        var outcome = await f.Runner().RunAsync(f.Spec(cases: 20), RunnerFixture.FastOptions());

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("STUB_KEY", outcome.Run.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Report.Results);

        // Auth errors are never retried and stop the rest of the suite: about one call per worker (4), never the
        // whole suite (20). A call can slip in as the stop lands on a loaded machine, hence the margin.
        Assert.InRange(f.Server.RequestCount, 1, 8);
    }

    [Fact]
    public async Task RunAsync_SecondRun_ServedFromCacheWithoutHttp()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 5);
        await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());
        var callsAfterFirst = f.Server.RequestCount;

        var second = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(5, callsAfterFirst);
        Assert.Equal(callsAfterFirst, f.Server.RequestCount);
        Assert.All(second.Report.Results, r => Assert.True(r.FromCache));
        Assert.Equal(5, second.Report.Candidates.Single().FromCache);
    }

    [Fact]
    public async Task RunAsync_NoCache_CallsAgain()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 2);
        await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());
        var options = RunnerFixture.FastOptions();
        options.UseCache = false;

        var second = await f.Runner().RunAsync(spec, options);

        Assert.Equal(4, f.Server.RequestCount);
        Assert.All(second.Report.Results, r => Assert.False(r.FromCache));
    }

    [Fact]
    public async Task RunAsync_Repeats_AreRealSamples()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 2);

        var first = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions(repeats: 3));
        await f.Runner().RunAsync(spec, RunnerFixture.FastOptions(repeats: 3));

        Assert.Equal(6, first.Report.Results.Count);
        Assert.Equal([0, 1, 2], first.Report.Results.Where(r => r.CaseId == "case-0").Select(r => r.Repeat).Order());

        // Each repeat is its own call the first time, and its own cache entry the second time.
        Assert.Equal(6, f.Server.RequestCount);
    }

    [Fact]
    public async Task ResumeAsync_RunsOnlyPendingCasesOnce()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 12);
        using var cts = new CancellationTokenSource();
        var options = RunnerFixture.FastOptions();
        options.Concurrency = 1;
        var progress = new CancelAfter(5, cts);

        var interrupted = await f.Runner().RunAsync(spec, options, progress, cts.Token);
        var doneBefore = interrupted.Report.Results.Count;
        var callsBefore = f.Server.RequestCount;
        options.UseCache = false;
        var resumed = await f.Runner().ResumeAsync(spec, null, options);

        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        Assert.InRange(doneBefore, 5, 11);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(interrupted.Run.Id, resumed.Run.Id);
        Assert.Equal(12, resumed.Report.Results.Count);
        Assert.Equal(12 - doneBefore, resumed.ExecutedNow);
        Assert.Equal(12 - doneBefore, f.Server.RequestCount - callsBefore);
        Assert.Equal(12, resumed.Report.Results.Select(r => r.CaseId).Distinct().Count());
    }

    [Fact]
    public async Task ResumeAsync_NothingUnfinished_IsAUsageError()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 1);
        await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        var ex = await Assert.ThrowsAsync<EvalUsageException>(() => f.Runner().ResumeAsync(spec, null, RunnerFixture.FastOptions()));

        Assert.Contains("no unfinished run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCandidate_NamesTheDeclaredOnes()
    {
        await using var f = await RunnerFixture.StartAsync();
        var options = RunnerFixture.FastOptions();
        options.Candidates = ["gpt-9"];

        var ex = await Assert.ThrowsAsync<EvalUsageException>(() => f.Runner().RunAsync(f.Spec(), options));

        Assert.Contains("'gpt-9'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stub", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FailingSafetyCase_NoShipNamesTheThreshold()
    {
        await using var f = await RunnerFixture.StartAsync(new StubServerOptions
        {
            Responder = r => r.LastUserMessage.Contains("question 0", StringComparison.Ordinal) ? "I will not say." : "Echo: " + r.LastUserMessage,
        });
        var spec = f.Spec(cases: 4, gate: new ShipGateSpec { MinPassRate = 0.5, MaxSafetyFailures = 0 });

        var outcome = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        var verdict = outcome.Report.Candidates.Single().Verdict;
        Assert.False(verdict.Ship);
        Assert.Contains(verdict.Checks, c => c.Name == "pass rate" && c.Pass);
        var safety = Assert.Single(verdict.Checks, c => c.Name == "safety failures");
        Assert.False(safety.Pass);
        Assert.Contains("1 of 1 safety-tagged cases failed (100.0%)", safety.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PricedCandidateWithoutUsage_CostIsUnknownNotZero()
    {
        await using var f = await RunnerFixture.StartAsync();
        var script = f.WriteScript("plain.sh", "cat > /dev/null\necho 'Echo: question 0'\n");
        var spec = f.Spec(cases: 1, gate: new ShipGateSpec { MaxCostPerRequest = 0.01m }) with
        {
            Candidates = [new CandidateSpec { Id = "exec", Provider = "exec:" + script, Pricing = new Pricing(100m, 100m) }],
        };

        var outcome = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        var result = Assert.Single(outcome.Report.Results);
        Assert.False(result.UsageKnown);
        Assert.Null(result.CostUsd);
        var cost = Assert.Single(outcome.Report.Candidates.Single().Verdict.Checks);
        Assert.False(cost.Pass);
    }

    [Fact]
    public async Task RunAsync_Exec_ReceivesTheCaseVars()
    {
        await using var f = await RunnerFixture.StartAsync();
        var script = f.WriteScript("echo-request.sh", "cat\n");
        var spec = f.Spec(cases: 1) with { Candidates = [new CandidateSpec { Id = "exec", Provider = "exec:" + script }] };

        var outcome = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Contains("\"q\":\"question 0\"", Assert.Single(outcome.Report.Results).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Replay_IsNeverServedStaleFromTheCache()
    {
        await using var f = await RunnerFixture.StartAsync();
        var replay = Path.Combine(f.Folder, "recorded.jsonl");
        var spec = f.Spec(cases: 1) with { Candidates = [new CandidateSpec { Id = "prod", Provider = "replay:recorded.jsonl" }] };
        await File.WriteAllTextAsync(replay, "{\"case_id\": \"case-0\", \"output\": \"first recording\"}\n");
        await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());
        await File.WriteAllTextAsync(replay, "{\"case_id\": \"case-0\", \"output\": \"second recording\"}\n");

        var second = await f.Runner().RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal("second recording", Assert.Single(second.Report.Results).Output);
    }

    [Fact]
    public async Task RunAsync_TimeoutLongerThanTheSpecs_ReachesTheHttpClient()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.EnqueueFaults(StubFault.Delay(TimeSpan.FromSeconds(2)));
        var spec = f.Spec(cases: 1) with { Run = new RunSettings { Timeout = TimeSpan.FromSeconds(1) } };
        var options = RunnerFixture.FastOptions(retries: 0);
        options.Timeout = TimeSpan.FromSeconds(10);

        var outcome = await f.Runner().RunAsync(spec, options);

        var result = Assert.Single(outcome.Report.Results);
        Assert.True(result.Pass, result.Error);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task ResumeAsync_SpecChangedSinceTheRunStarted_Refuses()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 12);
        using var cts = new CancellationTokenSource();
        var options = RunnerFixture.FastOptions();
        options.Concurrency = 1;
        await f.Runner().RunAsync(spec, options, new CancelAfter(3, cts), cts.Token);

        var ex = await Assert.ThrowsAsync<EvalUsageException>(() => f.Runner().ResumeAsync(spec with { ContentHash = "edited" }, null, options));

        Assert.Contains("changed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeAsync_AfterAnOutage_RunsTheErroredCasesAgain()
    {
        var down = true;
        await using var f = await RunnerFixture.StartAsync(new StubServerOptions { FaultRule = _ => down ? StubFault.Status(500) : null });
        var spec = f.Spec(cases: 8);
        var options = RunnerFixture.FastOptions(retries: 0);
        options.Concurrency = 1;
        var failed = await f.Runner().RunAsync(spec, options);
        down = false;

        var resumed = await f.Runner().ResumeAsync(spec, null, options);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains(failed.Report.Results, r => r.Error is not null);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(8, resumed.Report.Results.Count);
        Assert.All(resumed.Report.Results, r => Assert.Null(r.Error));
        Assert.True(resumed.Report.Candidates.Single().Verdict.Ship);
    }

    private sealed class CancelAfter(int count, CancellationTokenSource cts) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Done >= count)
            {
                cts.Cancel();
            }
        }
    }

    [Fact]
    public async Task RunAsync_LargestAllowedPlan_StartsCallingAtOnceWithoutBuildingThePlan()
    {
        await using var f = await RunnerFixture.StartAsync();
        var options = RunnerFixture.FastOptions(repeats: RunLimits.MaxRepeats);
        options.Concurrency = 1;
        var cases = (int)(RunLimits.MaxPlannedCalls / RunLimits.MaxRepeats);
        var spec = f.Spec(cases: cases);
        using var stop = new CancellationTokenSource();
        var progress = new StopAfter(3, stop);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await f.Runner().RunAsync(spec, options, progress, stop.Token);

        // Work items are made as workers take them: a million-call plan costs no plan-sized memory before the first call.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 1_000_000_000, "allocated a plan-sized amount of memory");
        Assert.Equal(RunStatus.Interrupted, outcome.Status);
        Assert.Equal(RunLimits.MaxPlannedCalls, outcome.Run.PlannedCount);
        Assert.Equal(RunLimits.MaxPlannedCalls, progress.Last.Planned);
        Assert.InRange(outcome.Report.Results.Count, 3, 6);
        Assert.Equal(outcome.Run.PlannedCount - outcome.Report.Results.Count, outcome.Report.Pending);
    }

    [Fact]
    public async Task Pending_PlanOfFourBillionItems_YieldsTheFirstWithoutBuildingThePlan()
    {
        await using var f = await RunnerFixture.StartAsync();
        var spec = f.Spec(cases: 2);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Synchronous on this thread, so the per-thread count sees only this enumeration (tests run in parallel).
        var first = EvalRunner.Pending(spec.Cases, spec.Candidates, int.MaxValue, []).Take(3).ToList();

        var used = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal([0, 1, 2], first.Select(w => w.Repeat));
        Assert.True(used < 100_000, $"allocated {used:N0} bytes for three items of a 4-billion-item plan");
    }

    private sealed class StopAfter(int results, CancellationTokenSource stop) : IProgress<RunProgress>
    {
        public RunProgress Last { get; private set; }

        public void Report(RunProgress value)
        {
            Last = value;
            if (value.Done >= results)
            {
                stop.Cancel();
            }
        }
    }
}
