using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// The model judges' shared exchange: ask, parse strictly, send one repair turn (the problem and the raw reply go back),
/// and tally usage and latency across attempts. A reply still unusable, or a failed call, is an inconclusive verdict
/// with the raw text kept — never a pass.
/// </summary>
internal sealed class JudgeConversation(JudgeSpec judge, IChatClient client, TimeProvider time)
{
    public const int MaxAttempts = 2;

    /// <summary>Retries of a call that hit a rate limit or an outage (not counted as attempts).</summary>
    public const int MaxTransientRetries = 2;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public async Task<JudgeExchange<T>> AskAsync<T>(
        List<ChatMessage> messages,
        Func<ChatOptions> options,
        ReplyParser<T> parse,
        Func<string, string> repair,
        CancellationToken cancellationToken)
    {
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
                response = await CallAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong (provider error, a client that rejects structured output, a timeout), a judge
                // that cannot answer gives an inconclusive verdict; it never stops the run.
                latency += time.GetElapsedTime(started).TotalMilliseconds;
                return Inconclusive<T>($"judge call failed: {ex.Message}", raws, attempt, input, output, cached, latency);
            }

            latency += time.GetElapsedTime(started).TotalMilliseconds;
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            cached += response.Usage?.CachedInputTokenCount ?? 0;
            var raw = response.Text ?? "";
            raws.Add(raw);
            if (parse(raw, out var value, out problem))
            {
                return new JudgeExchange<T>(true, value, Verdict(input, output, cached, latency, attempt), "");
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, raw));
            messages.Add(new ChatMessage(ChatRole.User, repair(problem)));
        }

        return Inconclusive<T>($"judge reply unusable after a repair attempt: {problem}", raws, MaxAttempts, input, output, cached, latency);
    }

    /// <summary>A verdict with no call behind it (e.g. nothing to judge against).</summary>
    public JudgeVerdict Verdict(long input, long output, long cached, double latency, int attempts) => new()
    {
        JudgeId = judge.Id,
        InputTokens = input,
        OutputTokens = output,
        CostUsd = judge.Pricing?.Cost(input, output, cached),
        LatencyMs = latency,
        Attempts = attempts,
    };

    /// <summary>
    /// One judge call; rate limits and outages are retried (<see cref="MaxTransientRetries"/> times, honouring
    /// Retry-After up to <see cref="MaxRetryDelay"/>), since a busy judge says nothing about the output.
    /// </summary>
    private async Task<ChatResponse> CallAsync(List<ChatMessage> messages, Func<ChatOptions> options, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await client.GetResponseAsync(messages, options(), cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException ex) when (ex.IsRetryable && retry < MaxTransientRetries)
            {
                var delay = ex.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, retry));
                await Task.Delay(delay > MaxRetryDelay ? MaxRetryDelay : delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private JudgeExchange<T> Inconclusive<T>(string problem, List<string> raws, int attempts, long input, long output, long cached, double latency) =>
        new(false, default, Verdict(input, output, cached, latency, attempts) with
        {
            Inconclusive = true,
            Raw = raws.Count switch
            {
                0 => null,
                1 => raws[0],
                _ => string.Join("\n", raws.Select((r, i) => $"--- attempt {i + 1} ---\n{r}")),
            },
        }, problem);
}
