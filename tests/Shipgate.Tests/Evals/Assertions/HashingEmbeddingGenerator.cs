using Microsoft.Extensions.AI;

namespace Shipgate.Tests.Evals.Assertions;

/// <summary>Deterministic bag-of-words embeddings (FNV-1a word hashes into 64 buckets): same words, same vector.</summary>
internal sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 64;

    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[Dimensions];
            foreach (var word in value.ToLowerInvariant().Split([' ', '.', ',', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                uint hash = 2166136261;
                foreach (var c in word)
                {
                    hash = (hash ^ c) * 16777619;
                }

                vector[hash % Dimensions] += 1;
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
