using Microsoft.Extensions.AI;

namespace Shipgate.Tests.Selection;

/// <summary>
/// A tiny deterministic embedding generator: one dimension per keyword (1 when the text contains it) plus a constant
/// dimension, so texts sharing a keyword are close and others are not.
/// </summary>
internal sealed class KeywordEmbeddingGenerator(params string[] keywords) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var vector = keywords.Select(k => text.Contains(k, StringComparison.OrdinalIgnoreCase) ? 1f : 0f).Append(0.3f).ToArray();
            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
