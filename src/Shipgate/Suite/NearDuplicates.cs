using Microsoft.Extensions.AI;
using Shipgate.Embeddings;

namespace Shipgate.Suite;

/// <summary>Finds texts that mean nearly the same thing, by cosine similarity of their embeddings.</summary>
internal static class NearDuplicates
{
    /// <summary>Embeds every text in one batch (empty texts get no vector).</summary>
    public static async Task<float[]?[]> EmbedAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[]?[texts.Count];
        var wanted = Enumerable.Range(0, texts.Count).Where(i => texts[i].Length > 0).ToList();
        if (wanted.Count == 0)
        {
            return vectors;
        }

        var embeddings = await generator.GenerateAsync(wanted.Select(i => texts[i]), cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < wanted.Count; j++)
        {
            vectors[wanted[j]] = embeddings[j].Vector.ToArray();
        }

        return vectors;
    }

    /// <summary>Every pair (i &lt; j) at or above <paramref name="threshold"/>, most similar first.</summary>
    public static IReadOnlyList<SimilarPair> Pairs(float[]?[] vectors, double threshold)
    {
        var pairs = new List<SimilarPair>();
        for (var i = 0; i < vectors.Length; i++)
        {
            for (var j = i + 1; j < vectors.Length; j++)
            {
                if (Similarity(vectors[i], vectors[j]) is { } cosine && cosine >= threshold)
                {
                    pairs.Add(new SimilarPair(i, j, cosine));
                }
            }
        }

        return [.. pairs.OrderByDescending(p => p.Cosine).ThenBy(p => p.First).ThenBy(p => p.Second)];
    }

    /// <summary>The most similar of <paramref name="candidates"/> to <paramref name="vector"/>, when any reaches the threshold.</summary>
    public static (int Index, double Cosine)? Closest(float[]? vector, IReadOnlyList<float[]?> candidates, double threshold)
    {
        (int, double)? best = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Similarity(vector, candidates[i]) is { } cosine && cosine >= threshold && (best is null || cosine > best.Value.Item2))
            {
                best = (i, cosine);
            }
        }

        return best;
    }

    private static double? Similarity(float[]? a, float[]? b) =>
        a is null || b is null ? null : VectorMath.Cosine(a, b);
}
