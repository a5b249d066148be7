namespace Shipgate.Cost;

/// <summary>
/// One model in the price catalog. Prices are USD per token; token buckets are disjoint (cached input and reasoning
/// output are priced on their own, never also as plain input/output). Null means the catalog does not say.
/// </summary>
public sealed record ModelPrice
{
    /// <summary>Model name as providers spell it, e.g. <c>gpt-4o-mini</c>, <c>claude-3-5-haiku-20241022</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Vendor / serving provider, e.g. <c>openai</c>, <c>anthropic</c> (LiteLLM's <c>litellm_provider</c>).</summary>
    public string? Provider { get; init; }

    public required decimal InputPerToken { get; init; }
    public required decimal OutputPerToken { get; init; }
    public decimal? CachedInputPerToken { get; init; }
    public decimal? CacheWritePerToken { get; init; }
    public decimal? ReasoningOutputPerToken { get; init; }

    public long? MaxInputTokens { get; init; }
    public long? MaxOutputTokens { get; init; }
    public bool? SupportsVision { get; init; }
    public bool? SupportsAudio { get; init; }

    /// <summary>LiteLLM's <c>mode</c>: chat, embedding, completion, ...</summary>
    public string? Mode { get; init; }
}
