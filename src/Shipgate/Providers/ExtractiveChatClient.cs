using System.Globalization;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// <c>local:extractive</c>, the offline stand-in: answers with the knowledge passage most similar to the last user
/// message (MiniLM embeddings), adding the runner-up when it scores within <see cref="TieMargin"/>. When nothing
/// reaches <c>min_score</c> (candidate option, default <see cref="DefaultMinScore"/>) it says it does not know.
/// Deterministic; usage is estimated with <see cref="ApproximateTokenCounter"/>.
/// </summary>
internal sealed class ExtractiveChatClient : TextChatClient
{
    public const string ModelName = "local:extractive";
    public const float DefaultMinScore = 0.2f;
    public const float TieMargin = 0.03f;
    public const string NoAnswer = "I could not find this in the documentation.";

    private readonly Func<CancellationToken, Task<KnowledgeIndex>> _index;
    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly float _minScore;
    private readonly TimeProvider _time;

    public ExtractiveChatClient(
        string providerId,
        Func<CancellationToken, Task<KnowledgeIndex>> index,
        Func<IEmbeddingGenerator<string, Embedding<float>>> embeddings,
        float minScore,
        TimeProvider time) : base(providerId)
    {
        _index = index;
        _embeddings = embeddings;
        _minScore = minScore;
        _time = time;
    }

    public static float ParseMinScore(IReadOnlyDictionary<string, string> options, Func<string, Exception> error)
    {
        if (!options.TryGetValue("min_score", out var raw))
        {
            return DefaultMinScore;
        }

        return float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= -1 and <= 1
            ? v
            : throw error($"options.min_score '{raw}' must be a number between -1 and 1");
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var question = LastUserText(list);
        KnowledgeIndex index;
        try
        {
            index = await _index(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new ProviderException(ProviderId, ProviderErrorKind.Other, $"{ProviderId}: could not read a knowledge file: {ex.Message}", inner: ex);
        }

        // Latency is the answer's own work: the one-time index build (model load, passage embeddings) is set-up, not latency.
        var started = _time.GetTimestamp();
        var answer = NoAnswer;
        if (question.Trim().Length > 0 && index.Count > 0)
        {
            var query = await _embeddings().GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false);
            var ranked = index.Rank(query[0].Vector.Span);
            var best = ranked[0];
            if (best.Score >= _minScore)
            {
                answer = best.Passage.Text;
                if (ranked.Count > 1 && ranked[1].Score >= _minScore && best.Score - ranked[1].Score <= TieMargin)
                {
                    answer += "\n\n" + ranked[1].Passage.Text;
                }
            }
        }

        var input = list.Sum(m => ApproximateTokenCounter.Count(m.Text));
        var output = ApproximateTokenCounter.Count(answer);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = _time.GetUtcNow(),
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output, CachedInputTokenCount = 0 },
            AdditionalProperties = new() { [ProviderRequestKeys.LatencyMs] = _time.GetElapsedTime(started).TotalMilliseconds },
        };
    }
}
