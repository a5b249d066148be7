namespace Shipgate.Runs;

/// <summary>A provider response kept in the response cache, so a re-run costs nothing.</summary>
public sealed record CachedResponse(string Output, long InputTokens, long OutputTokens, long CachedInputTokens, bool UsageKnown, double LatencyMs, DateTimeOffset CreatedAt);
