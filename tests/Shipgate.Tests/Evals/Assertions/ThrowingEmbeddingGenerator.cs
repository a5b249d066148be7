using Microsoft.Extensions.AI;

namespace Shipgate.Tests.Evals.Assertions;

/// <summary>An embedding generator whose every call fails, as a missing or broken local model would.</summary>
internal sealed class ThrowingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("model file missing");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
