using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>What a successful call (or a cache hit, with <see cref="Attempts"/> = 0) produced.</summary>
internal sealed record ProviderCall(string Output, long InputTokens, long OutputTokens, long CachedInputTokens, bool UsageKnown, double LatencyMs, int Attempts)
{
    public static ProviderCall FromCache(CachedResponse cached) =>
        new(cached.Output, cached.InputTokens, cached.OutputTokens, cached.CachedInputTokens, cached.UsageKnown, cached.LatencyMs, 0);

    public CachedResponse ToCached(DateTimeOffset now) =>
        new(Output, InputTokens, OutputTokens, CachedInputTokens, UsageKnown, LatencyMs, now);
}
