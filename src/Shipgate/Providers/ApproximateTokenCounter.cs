using Shipgate.Cost;

namespace Shipgate.Providers;

/// <summary>
/// Token counts for providers that report no usage of their own (local stand-ins): counted offline with the
/// o200k_base tokenizer (<see cref="TokenCounter"/>), so stand-in costs and token drivers match a gpt-4o-class model.
/// </summary>
internal static class ApproximateTokenCounter
{
    public static long Count(string? text) => TokenCounter.Count(text);
}
