using Microsoft.ML.Tokenizers;

namespace Shipgate.Cost;

/// <summary>
/// Offline token counts with OpenAI's BPE vocabularies (Microsoft.ML.Tokenizers; the vocabularies ship inside the
/// Data packages, nothing is downloaded). o200k_base for gpt-4o, gpt-4.1, o-series and as the default for models
/// whose tokenizer is unknown; cl100k_base for gpt-4 / gpt-3.5. Each vocabulary loads once, on first use.
/// </summary>
public static class TokenCounter
{
    public const string O200k = "o200k_base";
    public const string Cl100k = "cl100k_base";

    private static readonly Lazy<Tokenizer> O200kTokenizer = new(() => TiktokenTokenizer.CreateForEncoding(O200k));
    private static readonly Lazy<Tokenizer> Cl100kTokenizer = new(() => TiktokenTokenizer.CreateForEncoding(Cl100k));

    /// <summary>Tokens in <paramref name="text"/> under the encoding of <paramref name="model"/> (null: o200k_base).</summary>
    public static long Count(string? text, string? model = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var tokenizer = EncodingFor(model) == Cl100k ? Cl100kTokenizer.Value : O200kTokenizer.Value;
        return tokenizer.CountTokens(text);
    }

    /// <summary>The encoding used for a model name (a provider prefix such as <c>openai/</c> is ignored).</summary>
    public static string EncodingFor(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return O200k;
        }

        var name = model[(model.LastIndexOfAny([':', '/']) + 1)..].ToLowerInvariant();
        var older = name.StartsWith("gpt-3.5", StringComparison.Ordinal)
            || name.StartsWith("gpt-35", StringComparison.Ordinal)
            || (name.StartsWith("gpt-4", StringComparison.Ordinal) && !name.StartsWith("gpt-4o", StringComparison.Ordinal) && !name.StartsWith("gpt-4.", StringComparison.Ordinal))
            || name.StartsWith("text-embedding-ada", StringComparison.Ordinal);
        return older ? Cl100k : O200k;
    }
}
