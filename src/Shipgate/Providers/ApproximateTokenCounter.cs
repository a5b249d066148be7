namespace Shipgate.Providers;

/// <summary>
/// Token estimate for providers that report no usage of their own (local stand-ins): one token per 4 characters,
/// rounded up, which is close to BPE tokenizers on English prose. Deterministic and tokenizer-free on purpose.
/// </summary>
internal static class ApproximateTokenCounter
{
    public static long Count(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 3) / 4;
}
