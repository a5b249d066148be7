using Microsoft.Extensions.AI;
using Shipgate.Embeddings;

namespace Shipgate.Providers;

/// <summary>Knowledge passages with their embeddings; built once per set of files and shared by extractive clients.</summary>
internal sealed class KnowledgeIndex
{
    private readonly IReadOnlyList<(KnowledgePassage Passage, float[] Vector)> _entries;

    private KnowledgeIndex(IReadOnlyList<(KnowledgePassage, float[])> entries) => _entries = entries;

    public int Count => _entries.Count;

    public static async Task<KnowledgeIndex> BuildAsync(IReadOnlyList<string> files, IEmbeddingGenerator<string, Embedding<float>> embeddings, CancellationToken ct)
    {
        var passages = new List<KnowledgePassage>();
        foreach (var file in files)
        {
            passages.AddRange(KnowledgeSplitter.Split(file, await File.ReadAllTextAsync(file, ct).ConfigureAwait(false)));
        }

        if (passages.Count == 0)
        {
            return new KnowledgeIndex([]);
        }

        var vectors = await embeddings.GenerateAsync(passages.Select(p => p.EmbeddingText), cancellationToken: ct).ConfigureAwait(false);
        return new KnowledgeIndex([.. passages.Select((p, i) => (p, vectors[i].Vector.ToArray()))]);
    }

    /// <summary>Passages by descending similarity to <paramref name="query"/>; ties keep file order, so results are deterministic.</summary>
    public IReadOnlyList<(KnowledgePassage Passage, float Score)> Rank(ReadOnlySpan<float> query)
    {
        var scored = new List<(KnowledgePassage, float, int)>(_entries.Count);
        for (var i = 0; i < _entries.Count; i++)
        {
            scored.Add((_entries[i].Passage, VectorMath.Cosine(query, _entries[i].Vector), i));
        }

        scored.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item3.CompareTo(b.Item3));
        return [.. scored.Select(s => (s.Item1, s.Item2))];
    }
}
