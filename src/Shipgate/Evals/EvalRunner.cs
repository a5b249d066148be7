using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Shipgate.Evals.Assertions;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Evals;

/// <summary>
/// Runs cases × candidates × repeats with bounded concurrency, retries and a response cache, writing each
/// result to the store the moment it lands so an interrupted run loses nothing and resumes exactly where it stopped.
/// </summary>
public sealed class EvalRunner
{
    private readonly IProviderFactory _providers;
    private readonly IAssertionFactory _assertions;
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>>? _embeddings;
    private readonly Judging.JudgeVerdictCache _judgeCache;
    private readonly ConcurrentDictionary<AssertionSpec, IAssertion> _assertionCache = new(ReferenceEqualityComparer.Instance);

    public EvalRunner(
        IProviderFactory providers,
        IAssertionFactory assertions,
        IRunStore store,
        TimeProvider? time = null,
        Func<IEmbeddingGenerator<string, Embedding<float>>>? embeddings = null)
    {
        _providers = providers;
        _assertions = assertions;
        _store = store;
        _time = time ?? TimeProvider.System;
        _embeddings = embeddings;
        _judgeCache = new Judging.JudgeVerdictCache(store, _time);
    }

    /// <summary>Starts a new run of the spec.</summary>
    public async Task<RunOutcome> RunAsync(FeatureSpec spec, EvalRunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(options);
        var candidates = SelectCandidates(spec, options.Candidates);
        var run = new RunRecord
        {
            Id = NewRunId(),
            Feature = spec.Name,
            StartedAt = _time.GetUtcNow(),
            SpecHash = spec.ContentHash,
            Candidates = [.. candidates.Select(c => new PlannedCandidate(c.Id, c.Provider, CacheKey.SettingsJson(c.Settings)))],
            CaseIds = [.. spec.Cases.Select(c => c.Id)],
            Repeats = options.Repeats,
        };
        await _store.CreateRunAsync(run, cancellationToken).ConfigureAwait(false);
        using var lost = new CancellationTokenSource();
        await using var lease = await RunLeaseKeeper.AcquireAsync(_store, _time, run.Id, lost.Cancel, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(spec, run, candidates, spec.Cases, [], options, progress, lease, lost.Token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes an unfinished run (the latest one of the feature when <paramref name="runId"/> is null):
    /// each pending (case, candidate, repeat) runs exactly once; finished results are kept as they are.
    /// </summary>
    public async Task<RunOutcome> ResumeAsync(FeatureSpec spec, string? runId, EvalRunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(options);
        var run = runId is null
            ? await _store.GetLatestRunAsync(spec.Name, [RunStatus.Running, RunStatus.Interrupted, RunStatus.Failed], cancellationToken).ConfigureAwait(false)
            : await _store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            throw new EvalUsageException(runId is null
                ? $"feature '{spec.Name}' has no unfinished run to resume; start one with 'shipgate eval'"
                : $"no run '{runId}' in this feature's store; 'shipgate runs' lists them");
        }

        if (run.Status == RunStatus.Completed)
        {
            throw new EvalUsageException($"run {run.Id} is already complete; nothing to resume ('shipgate report {run.Id}' shows it)");
        }

        // A run is one experiment: finishing it with a different prompt, model or suite would mix two specs in one verdict.
        if (!string.IsNullOrEmpty(run.SpecHash) && run.SpecHash != spec.ContentHash)
        {
            throw new EvalUsageException(
                $"the spec or one of its files changed since run {run.Id} started, so its results would mix two versions; " +
                "restore the files or start a new run with 'shipgate eval'");
        }

        var candidates = new List<CandidateSpec>();
        foreach (var planned in run.Candidates)
        {
            var candidate = spec.Candidates.FirstOrDefault(c => c.Id == planned.Id)
                ?? throw new EvalUsageException($"run {run.Id} used candidate '{planned.Id}', which is no longer in {spec.SpecFile}; restore it or start a new run");
            if (candidate.Provider != planned.Provider || CacheKey.SettingsJson(candidate.Settings) != planned.SettingsJson)
            {
                throw new EvalUsageException($"candidate '{planned.Id}' changed since run {run.Id} started (provider or settings); start a new run");
            }

            candidates.Add(candidate);
        }

        var casesById = spec.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var cases = new List<EvalCase>();
        foreach (var caseId in run.CaseIds)
        {
            cases.Add(casesById.GetValueOrDefault(caseId)
                ?? throw new EvalUsageException($"run {run.Id} included case '{caseId}', which is no longer in the suite; restore it or start a new run"));
        }

        // Before anything changes: a second process on the same run would pay every pending call twice.
        using var lost = new CancellationTokenSource();
        await using var lease = await RunLeaseKeeper.AcquireAsync(_store, _time, run.Id, lost.Cancel, cancellationToken).ConfigureAwait(false);

        // Calls that failed (provider down, timeouts) are pending again: resuming after an outage should measure the model, not the outage.
        await _store.DiscardErroredResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var existing = await _store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var resumed = run with { Status = RunStatus.Running, FinishedAt = null, Error = null };
        await _store.FinishRunAsync(run.Id, RunStatus.Running, _time.GetUtcNow(), null, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(spec, resumed, candidates, cases, existing, options, progress, lease, lost.Token, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunOutcome> ExecuteAsync(
        FeatureSpec spec,
        RunRecord run,
        IReadOnlyList<CandidateSpec> candidates,
        IReadOnlyList<EvalCase> cases,
        IReadOnlyList<ResultRecord> existing,
        EvalRunOptions options,
        IProgress<RunProgress>? progress,
        RunLeaseKeeper lease,
        CancellationToken leaseLost,
        CancellationToken cancellationToken)
    {
        var done = existing.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        // Streamed, never listed: a plan of cases × candidates × repeats can be billions of items, and only the
        // results (stored anyway) may cost memory.
        var pending = Pending(cases, candidates, run.Repeats, done);

        var tally = new ProgressTally(run.PlannedCount, existing);
        progress?.Report(tally.Snapshot());

        using var runCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leaseLost);
        var fatal = new FatalError();
        var health = new CandidateHealth();
        var status = RunStatus.Completed;
        string? error = null;
        var executedNow = 0;
        var writes = new ConcurrentQueue<Task>();
        var landed = new ConcurrentQueue<ResultRecord>();
        var storeFailed = false;
        try
        {
            // The SDK's own network timeout must not undercut a --timeout longer than the spec's.
            var clients = CreateClients(spec with { Run = spec.Run with { Timeout = options.Timeout } }, candidates);
            var pipeline = BuildPipeline(options);
            await Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = runCts.Token },
                async (item, token) =>
                {
                    var result = await ExecuteItemAsync(spec, run.Id, item, clients[item.Candidate.Id], pipeline, options, fatal, health, runCts, token).ConfigureAwait(false);
                    if (result is null)
                    {
                        return;
                    }

                    // The write is queued, not awaited, so the slot goes straight to the next call; every queued
                    // write is awaited below, even on cancellation, so a finished result is never lost to Ctrl+C.
                    writes.Enqueue(_store.AddResultAsync(result, CancellationToken.None));
                    landed.Enqueue(result);
                    Interlocked.Increment(ref executedNow);
                    progress?.Report(tally.Add(result));
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (fatal.Message is not null)
        {
            status = RunStatus.Failed;
            error = fatal.Message;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            status = RunStatus.Failed;
            error = lease.Lost;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = RunStatus.Interrupted;
            error = "interrupted; finished results are kept ('shipgate eval --resume' runs the rest)";
        }
        catch (ProviderException ex)
        {
            status = RunStatus.Failed;
            error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever broke, the run is marked failed with the reason and every finished result is kept.
            status = RunStatus.Failed;
            error = ex.Message;
        }

        try
        {
            await Task.WhenAll(writes).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status = RunStatus.Failed;
            error = $"could not record a result in the store: {ex.Message}";
            storeFailed = true;
        }

        if (status == RunStatus.Completed && fatal.Message is not null)
        {
            status = RunStatus.Failed;
            error = fatal.Message;
        }

        // Every write has been awaited, so the store holds exactly what was there plus what landed now
        // (in the store's order); only after a failed write is it read back.
        IReadOnlyList<ResultRecord> results = storeFailed
            ? await _store.GetResultsAsync(run.Id, CancellationToken.None).ConfigureAwait(false)
            : [.. existing.Concat(landed)
                .OrderBy(r => r.CandidateId, StringComparer.Ordinal)
                .ThenBy(r => r.CaseId, StringComparer.Ordinal)
                .ThenBy(r => r.Repeat)];
        if (status == RunStatus.Completed && DeadCandidate(results) is { } dead)
        {
            // A candidate with no successful call has no quality to judge: the run failed, not the candidate.
            status = RunStatus.Failed;
            error = $"every call to candidate '{dead.CandidateId}' failed: {dead.Error}";
        }

        var finishedAt = _time.GetUtcNow();
        if (lease.Lost is { } lostReason)
        {
            // Another process owns the run now; its status is its to set.
            var abandoned = run with { Status = RunStatus.Failed, FinishedAt = finishedAt, Error = lostReason };
            return new RunOutcome(abandoned, EvalReportBuilder.Build(abandoned, results, spec), executedNow);
        }

        await _store.FinishRunAsync(run.Id, status, finishedAt, error, CancellationToken.None).ConfigureAwait(false);
        var final = run with { Status = status, FinishedAt = finishedAt, Error = error };
        var report = EvalReportBuilder.Build(final, results, spec);
        return new RunOutcome(final, report, executedNow);
    }

    private async Task<ResultRecord?> ExecuteItemAsync(
        FeatureSpec spec,
        string runId,
        WorkItem item,
        IChatClient client,
        ResiliencePipeline<ChatResponse> pipeline,
        EvalRunOptions options,
        FatalError fatal,
        CandidateHealth health,
        CancellationTokenSource runCts,
        CancellationToken cancellationToken)
    {
        var candidate = item.Candidate;
        var prompt = Render(spec, candidate, item.Case);
        var cacheKey = CacheKey.For(candidate, item.Case, prompt, item.Repeat);
        var useCache = options.UseCache && cacheKey is not null;
        var call = useCache ? await LookUpCacheAsync(cacheKey!, cancellationToken).ConfigureAwait(false) : null;
        if (call is null)
        {
            // The cache look-up awaited: a fatal error (a refused key) may have stopped the run meanwhile, so no new call starts.
            if (fatal.Message is not null)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var attempts = new StrongBox<int>();
            try
            {
                call = await CallProviderAsync(client, candidate, item, prompt, pipeline, attempts, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.Auth)
            {
                // Retrying cannot fix a bad key, and every other call would fail the same way: stop the run.
                fatal.Set($"candidate '{candidate.Id}' ({candidate.Provider}) was refused: {ex.Message}. " +
                          $"Check the API key in {candidate.ApiKeyEnv ?? "the provider's key variable"} and the base URL; finished results are kept.");
                await runCts.CancelAsync().ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is ProviderException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
            {
                // A rate limit says the endpoint is up and busy; only other failures count towards "down".
                if (ex is not ProviderException { Kind: ProviderErrorKind.RateLimited } && health.RecordFailure(candidate.Id))
                {
                    // Retrying a dead endpoint for every remaining case wastes minutes and proves nothing.
                    fatal.Set($"candidate '{candidate.Id}' ({candidate.Provider}) failed {CandidateHealth.FailureLimit} calls in a row and none succeeded: {ex.Message}. " +
                              "Is the endpoint up and the base URL right? Finished results are kept; 'shipgate eval --resume' continues.");
                    await runCts.CancelAsync().ConfigureAwait(false);
                }

                return ErrorResult(runId, item, prompt, ex, attempts.Value);
            }

            health.RecordSuccess(candidate.Id);

            if (useCache && call.Attempts > 0)
            {
                await _store.PutCachedAsync(cacheKey!, call.ToCached(_time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
            }
        }

        var cost = CostOf(candidate, call);
        var context = new AssertionContext
        {
            Case = item.Case,
            Output = call.Output,
            Input = prompt.User,
            LatencyMs = call.LatencyMs,
            CostUsd = cost,
            Embeddings = _embeddings,
            JudgeCache = options.UseCache ? _judgeCache : null,
            Feature = spec,
        };
        var outcomes = new List<AssertionOutcome>();
        foreach (var assertion in spec.DefaultAssertions.Concat(item.Case.Assertions))
        {
            var evaluator = _assertionCache.GetOrAdd(assertion, _assertions.Create);
            outcomes.Add(await evaluator.EvaluateAsync(context, cancellationToken).ConfigureAwait(false));
        }

        var (pass, score) = CaseScorer.Score(outcomes, item.Case.Threshold);
        return new ResultRecord
        {
            RunId = runId,
            CaseId = item.Case.Id,
            CandidateId = candidate.Id,
            Repeat = item.Repeat,
            Output = call.Output,
            Prompt = prompt.Display,
            Pass = pass,
            Score = score,
            Assertions = outcomes,
            Tags = item.Case.Tags,
            InputTokens = call.InputTokens,
            OutputTokens = call.OutputTokens,
            CachedInputTokens = call.CachedInputTokens,
            UsageKnown = call.UsageKnown,
            LatencyMs = call.LatencyMs,
            CostUsd = cost,
            FromCache = call.Attempts == 0,
            Attempts = call.Attempts,
            CompletedAt = _time.GetUtcNow(),
        };
    }

    /// <summary>The plan's unfinished items in plan order, produced as the workers ask for them.</summary>
    internal static IEnumerable<WorkItem> Pending(IReadOnlyList<EvalCase> cases, IReadOnlyList<CandidateSpec> candidates, int repeats, HashSet<string> done)
    {
        foreach (var evalCase in cases)
        {
            foreach (var candidate in candidates)
            {
                for (var repeat = 0; repeat < repeats; repeat++)
                {
                    var item = new WorkItem(candidate, evalCase, repeat);
                    if (!done.Contains(item.Key))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static ResultRecord? DeadCandidate(IReadOnlyList<ResultRecord> results) =>
        results.GroupBy(r => r.CandidateId)
            .Where(g => g.All(r => r.Error is not null))
            .Select(g => g.First())
            .FirstOrDefault();

    private async Task<ProviderCall?> LookUpCacheAsync(string cacheKey, CancellationToken cancellationToken)
    {
        var cached = await _store.GetCachedAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        return cached is null ? null : ProviderCall.FromCache(cached);
    }

    private async Task<ProviderCall> CallProviderAsync(
        IChatClient client,
        CandidateSpec candidate,
        WorkItem item,
        RenderedPrompt prompt,
        ResiliencePipeline<ChatResponse> pipeline,
        StrongBox<int> attempts,
        CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>();
        if (prompt.System is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, prompt.System));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt.User));
        long started = 0;
        var response = await pipeline.ExecuteAsync(
            async token =>
            {
                attempts.Value++;
                started = _time.GetTimestamp();

                // Options are built per attempt: clients may mutate them (e.g. set stream options).
                var chatOptions = candidate.Settings.ToChatOptions(candidate.Target);
                chatOptions.AdditionalProperties ??= [];
                chatOptions.AdditionalProperties[ProviderRequestKeys.CaseId] = item.Case.Id;
                chatOptions.AdditionalProperties[ProviderRequestKeys.Repeat] = item.Repeat;
                chatOptions.AdditionalProperties[ProviderRequestKeys.Vars] = item.Case.Vars;
                if (!candidate.Settings.Stream)
                {
                    return await client.GetResponseAsync(messages, chatOptions, token).ConfigureAwait(false);
                }

                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, token).ConfigureAwait(false))
                {
                    updates.Add(update);
                }

                return updates.ToChatResponse();
            },
            cancellationToken).ConfigureAwait(false);
        var latency = _time.GetElapsedTime(started).TotalMilliseconds;
        if (response.AdditionalProperties?.TryGetValue(ProviderRequestKeys.LatencyMs, out var recorded) == true && recorded is not null
            && double.TryParse(Convert.ToString(recorded, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var recordedMs))
        {
            latency = recordedMs;
        }

        var usage = response.Usage;
        return new ProviderCall(
            response.Text,
            usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0,
            usage?.CachedInputTokenCount ?? 0,
            usage?.InputTokenCount is not null || usage?.OutputTokenCount is not null,
            latency,
            attempts.Value);
    }

    private static decimal? CostOf(CandidateSpec candidate, ProviderCall call)
    {
        if (candidate.Pricing is { } pricing)
        {
            // No usage reported means unknown cost, not $0: a free-looking call must never pass a cost gate.
            return call.UsageKnown ? pricing.Cost(call.InputTokens, call.OutputTokens, call.CachedInputTokens) : null;
        }

        // Local stand-ins cost nothing; an unpriced remote model's cost is unknown, not zero.
        return ProviderLabels.IsOfflineStandIn(candidate.Scheme) ? 0m : null;
    }

    private ResultRecord ErrorResult(string runId, WorkItem item, RenderedPrompt prompt, Exception ex, int attempts) => new()
    {
        RunId = runId,
        CaseId = item.Case.Id,
        CandidateId = item.Candidate.Id,
        Repeat = item.Repeat,
        Prompt = prompt.Display,
        Pass = false,
        Score = 0,
        Tags = item.Case.Tags,
        Error = ex is TimeoutRejectedException ? $"timed out on every attempt ({ex.Message})" : ex.Message,
        Attempts = Math.Max(1, attempts),
        CompletedAt = _time.GetUtcNow(),
    };

    private static RenderedPrompt Render(FeatureSpec spec, CandidateSpec candidate, EvalCase evalCase)
    {
        var template = candidate.Prompt is null ? spec.Prompts[0] : spec.Prompts.First(p => p.Id == candidate.Prompt);
        var system = template.System is null ? null : PromptRenderer.Render(template.System, evalCase.Vars);
        return new RenderedPrompt(system, PromptRenderer.Render(template.User, evalCase.Vars));
    }

    private Dictionary<string, IChatClient> CreateClients(FeatureSpec spec, IReadOnlyList<CandidateSpec> candidates) =>
        candidates.ToDictionary(c => c.Id, c => _providers.Create(c, spec), StringComparer.Ordinal);

    private ResiliencePipeline<ChatResponse> BuildPipeline(EvalRunOptions options)
    {
        var builder = new ResiliencePipelineBuilder<ChatResponse> { TimeProvider = _time };
        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                ShouldHandle = new PredicateBuilder<ChatResponse>()
                    .Handle<ProviderException>(ex => ex.IsRetryable)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,

                // The server knows best when it can take the request again.
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is ProviderException { RetryAfter: { } retryAfter }
                        ? (retryAfter > maxDelay ? maxDelay : retryAfter)
                        : null),
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    private static List<CandidateSpec> SelectCandidates(FeatureSpec spec, IReadOnlyCollection<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return [.. spec.Candidates];
        }

        var unknown = wanted.Where(w => spec.Candidates.All(c => c.Id != w)).ToList();
        if (unknown.Count > 0)
        {
            throw new EvalUsageException(
                $"unknown candidate {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the spec declares {string.Join(", ", spec.Candidates.Select(c => c.Id))}");
        }

        return [.. spec.Candidates.Where(c => wanted.Contains(c.Id))];
    }

    private static void ThrowIfInvalid(EvalRunOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new EvalUsageException("invalid run options: " + string.Join("; ", problems));
        }
    }

    private string NewRunId() =>
        $"{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}";
}
