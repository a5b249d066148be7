namespace Shipgate.Specs;

/// <summary>Declared prices in USD per one million tokens. Cached input falls back to the input price.</summary>
public sealed record Pricing(decimal InputPerMillion, decimal OutputPerMillion, decimal? CachedInputPerMillion = null)
{
    /// <summary>Cost of one call; cached input tokens are a disjoint bucket, never charged twice.</summary>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens)
    {
        var uncached = Math.Max(0, inputTokens - cachedInputTokens);
        var cachedPrice = CachedInputPerMillion ?? InputPerMillion;
        return ((uncached * InputPerMillion) + (cachedInputTokens * cachedPrice) + (outputTokens * OutputPerMillion)) / 1_000_000m;
    }
}
