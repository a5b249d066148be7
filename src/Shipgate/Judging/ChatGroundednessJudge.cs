using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// A model as groundedness judge: one call at temperature 0 with structured output, strict parsing with one repair
/// turn; a reply still unusable, or a failed call, is an inconclusive verdict with the raw text kept (never a pass).
/// </summary>
internal sealed class ChatGroundednessJudge(JudgeSpec judge, IChatClient client, TimeProvider time) : IGroundednessJudge
{
    public const int MaxAttempts = 2;

    public async Task<GroundednessResult> JudgeAsync(GroundednessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var passages = await GroundednessDocuments.PassagesAsync(request.KnowledgeFiles, cancellationToken).ConfigureAwait(false);
        var (knowledge, truncated) = GroundednessDocuments.Select(passages, request.Output);
        if (request.Case.Context.Count == 0 && knowledge.Count == 0)
        {
            return new GroundednessResult(Verdict(0, 0, 0, 0, 0) with { Inconclusive = true }, [], "grounded: nothing to check against: add 'context:' to the case or 'knowledge:' files to the spec");
        }

        var messages = GroundednessPrompt.Build(request, knowledge, truncated, out _).ToList();
        var options = new ChatOptions
        {
            ModelId = judge.ToCandidate().Target,
            Temperature = 0,
            MaxOutputTokens = judge.MaxTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(GroundednessPrompt.Schema(), GroundednessPrompt.SchemaName, "The output's factual claims, each supported, contradicted or not found in the documents."),
        };
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
                latency += time.GetElapsedTime(started).TotalMilliseconds;
                return Inconclusive($"judge call failed: {ex.Message}", raws, attempt, input, output, cached, latency);
            }

            latency += time.GetElapsedTime(started).TotalMilliseconds;
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            cached += response.Usage?.CachedInputTokenCount ?? 0;
            var raw = response.Text ?? "";
            raws.Add(raw);
            if (GroundednessParser.TryParse(raw, out var claims, out problem))
            {
                return new GroundednessResult(Verdict(input, output, cached, latency, attempt), claims);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, raw));
            messages.Add(new ChatMessage(ChatRole.User, GroundednessPrompt.Repair(problem)));
        }

        return Inconclusive($"judge reply unusable after a repair attempt: {problem}", raws, MaxAttempts, input, output, cached, latency);
    }

    /// <summary>One judge call; rate limits and outages are retried as for the rubric judge (a busy judge says nothing about the output).</summary>
    private async Task<ChatResponse> CallAsync(List<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException ex) when (ex.IsRetryable && retry < ChatRubricJudge.MaxTransientRetries)
            {
                var delay = ex.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, retry));
                await Task.Delay(delay > ChatRubricJudge.MaxRetryDelay ? ChatRubricJudge.MaxRetryDelay : delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private GroundednessResult Inconclusive(string problem, List<string> raws, int attempts, long input, long output, long cached, double latency) =>
        new(Verdict(input, output, cached, latency, attempts) with
        {
            Inconclusive = true,
            Raw = raws.Count switch
            {
                0 => null,
                1 => raws[0],
                _ => string.Join("\n", raws.Select((r, i) => $"--- attempt {i + 1} ---\n{r}")),
            },
        }, [], problem);

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
