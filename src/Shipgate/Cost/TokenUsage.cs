namespace Shipgate.Cost;

/// <summary>
/// Tokens of one request. <see cref="Input"/> counts every prompt token, cached and cache-write ones included;
/// <see cref="Output"/> counts every completion token, reasoning included. The priced buckets are disjoint:
/// plain input = Input - CachedInput - CacheWrite, plain output = Output - ReasoningOutput.
/// </summary>
public sealed record TokenUsage(long Input, long Output, long CachedInput = 0, long CacheWrite = 0, long ReasoningOutput = 0);
