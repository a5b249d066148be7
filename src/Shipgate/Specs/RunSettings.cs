namespace Shipgate.Specs;

/// <summary>How a run executes. Defaults are documented in docs/spec.md; the CLI can override each.</summary>
public sealed record RunSettings
{
    /// <summary>Calls in flight at once across all candidates. Default 4.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Samples per (case, candidate); repeats are real samples (the cache key includes the repeat index). Default 1.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Per-attempt timeout. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt for 429, 5xx and timeouts. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubles each retry, with jitter, unless the server sent Retry-After. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on any single wait, including a server's Retry-After. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);
}
