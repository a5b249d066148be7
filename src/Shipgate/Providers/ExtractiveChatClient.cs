using Shipgate.Cost;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// <c>local:extractive</c>, the offline stand-in: answers with the knowledge passage most similar to the last user
/// message (MiniLM embeddings), adding the runner-up when it scores within <see cref="TieMargin"/>. When nothing
/// reaches <c>min_score</c> (candidate option, default <see cref="DefaultMinScore"/>) it says it does not know.
/// <see cref="ExtractiveOptions"/> turn it into variants (more passages, trimmed or re-ranked sentences). Deterministic; usage is counted offline with <see cref="Cost.TokenCounter"/> (o200k_base).
/// </summary>
internal sealed partial class ExtractiveChatClient : TextChatClient
{
    public const string ModelName = "local:extractive";
    public const float DefaultMinScore = 0.2f;
    public const float TieMargin = 0.03f;
    public const string NoAnswer = "I could not find this in the documentation.";

    private readonly Func<CancellationToken, Task<KnowledgeIndex>> _index;
    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly ExtractiveOptions _options;
    private readonly TimeProvider _time;

    public ExtractiveChatClient(
        string providerId,
        Func<CancellationToken, Task<KnowledgeIndex>> index,
        Func<IEmbeddingGenerator<string, Embedding<float>>> embeddings,
        ExtractiveOptions options,
        TimeProvider time) : base(providerId)
    {
        _index = index;
        _embeddings = embeddings;
        _options = options;
        _time = time;
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
            var chosen = Choose(ranked);
            if (chosen.Count > 0)
            {
                answer = string.Join("\n\n", chosen);
                if (_options.BestSentences is { } best)
                {
                    answer = await BestSentencesAsync(answer, query[0].Vector, best, cancellationToken).ConfigureAwait(false);
                }

                if (_options.MaxSentences is { } max)
                {
                    answer = string.Join(" ", Sentences(answer).Take(max));
                }
            }
        }

        var input = list.Sum(m => TokenCounter.Count(m.Text));
        var output = TokenCounter.Count(answer);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = _time.GetUtcNow(),
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output, CachedInputTokenCount = 0 },
            AdditionalProperties = new() { [ProviderRequestKeys.LatencyMs] = _time.GetElapsedTime(started).TotalMilliseconds },
        };
    }

    private List<string> Choose(IReadOnlyList<(KnowledgePassage Passage, float Score)> ranked)
    {
        var passing = ranked.Where(r => r.Score >= _options.MinScore).ToList();
        if (passing.Count == 0)
        {
            return [];
        }

        if (_options.Passages is { } n)
        {
            return [.. passing.Take(n).Select(r => r.Passage.Text)];
        }

        // Default: the best passage, plus the runner-up when the two are too close to call.
        var chosen = new List<string> { passing[0].Passage.Text };
        if (passing.Count > 1 && passing[0].Score - passing[1].Score <= TieMargin)
        {
            chosen.Add(passing[1].Passage.Text);
        }

        return chosen;
    }

    private async Task<string> BestSentencesAsync(string text, ReadOnlyMemory<float> query, int keep, CancellationToken cancellationToken)
    {
        var sentences = Sentences(text).ToList();
        if (sentences.Count <= keep)
        {
            return string.Join(" ", sentences);
        }

        var vectors = await _embeddings().GenerateAsync(sentences, cancellationToken: cancellationToken).ConfigureAwait(false);
        var best = sentences
            .Select((s, i) => (Index: i, Score: Embeddings.VectorMath.Cosine(query.Span, vectors[i].Vector.Span)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Take(keep)
            .Select(x => x.Index)
            .Order();
        return string.Join(" ", best.Select(i => sentences[i]));
    }

    /// <summary>Sentences and list items of a passage, trimmed; headings and blank lines dropped.</summary>
    internal static IEnumerable<string> Sentences(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(])")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();
}
