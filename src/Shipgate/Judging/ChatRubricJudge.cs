using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// A model as judge: temperature 0, structured output, strict parsing with one repair turn (the problem and the raw
/// reply are sent back). A reply still unusable, or a failed call, is an inconclusive verdict with the raw text kept.
/// </summary>
internal sealed class ChatRubricJudge(JudgeSpec judge, IChatClient client, TimeProvider time) : IRubricJudge
{
    public const int MaxAttempts = 2;

    /// <summary>Retries of a call that hit a rate limit or an outage (not counted as attempts).</summary>
    public const int MaxTransientRetries = 2;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public async Task<JudgeResult> JudgeAsync(RubricJudgeRequest request, CancellationToken cancellationToken)
    {
        var messages = JudgePrompt.Build(request, out _).ToList();
        var schema = JudgePrompt.Schema(request.Criteria);
        long input = 0, output = 0, cached = 0;
        double latency = 0;
        var raws = new List<string>();
        var problem = "";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var started = time.GetTimestamp();
            ChatResponse response;
            try
            {
                response = await CallAsync(messages, schema, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong (provider error, a client that rejects structured output, a timeout), a judge
                // that cannot answer gives an inconclusive verdict; it never stops the run.
                latency += time.GetElapsedTime(started).TotalMilliseconds;
                return Inconclusive($"judge call failed: {ex.Message}", raws, attempt, input, output, cached, latency);
            }

            latency += time.GetElapsedTime(started).TotalMilliseconds;
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            cached += response.Usage?.CachedInputTokenCount ?? 0;
            var raw = response.Text ?? "";
            raws.Add(raw);
            if (JudgeOutputParser.TryParse(raw, request.Criteria, out var scores, out problem))
            {
                return new JudgeResult(Verdict(input, output, cached, latency, attempt) with
                {
                    Criteria = scores,
                    Mean = RubricMath.WeightedMean(scores, request.Criteria),
                });
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, raw));
            messages.Add(new ChatMessage(ChatRole.User, JudgePrompt.Repair(problem, request.Criteria)));
        }

        return Inconclusive($"judge reply unusable after a repair attempt: {problem}", raws, MaxAttempts, input, output, cached, latency);
    }

    /// <summary>
    /// One judge call; rate limits and outages are retried (<see cref="MaxTransientRetries"/> times, honouring
    /// Retry-After up to <see cref="MaxRetryDelay"/>), since a busy judge says nothing about the output.
    /// </summary>
    private async Task<ChatResponse> CallAsync(List<ChatMessage> messages, System.Text.Json.JsonElement schema, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await client.GetResponseAsync(messages, Options(schema), cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException ex) when (ex.IsRetryable && retry < MaxTransientRetries)
            {
                var delay = ex.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, retry));
                await Task.Delay(delay > MaxRetryDelay ? MaxRetryDelay : delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ChatOptions Options(System.Text.Json.JsonElement schema) => new()
    {
        ModelId = judge.ToCandidate().Target,
        Temperature = 0,
        MaxOutputTokens = judge.MaxTokens,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, JudgePrompt.SchemaName, "Per-criterion rubric scores (integer 1-5) with reasons."),
    };

    private JudgeResult Inconclusive(string problem, List<string> raws, int attempts, long input, long output, long cached, double latency) =>
        new(Verdict(input, output, cached, latency, attempts) with
        {
            Inconclusive = true,
            Raw = raws.Count switch
            {
                0 => null,
                1 => raws[0],
                _ => string.Join("\n", raws.Select((r, i) => $"--- attempt {i + 1} ---\n{r}")),
            },
        }, problem);

    private JudgeVerdict Verdict(long input, long output, long cached, double latency, int attempts) => new()
    {
        JudgeId = judge.Id,
        InputTokens = input,
        OutputTokens = output,
        CostUsd = judge.Pricing?.Cost(input, output, cached),
        LatencyMs = latency,
        Attempts = attempts,
    };
}
