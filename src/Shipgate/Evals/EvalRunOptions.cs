using Shipgate.Specs;

namespace Shipgate.Evals;

/// <summary>
/// How one <c>shipgate eval</c> executes. Starts from the spec's <c>run:</c> block; the CLI overrides fields.
/// Validated as a whole before anything runs (<see cref="Validate"/> lists every problem).
/// </summary>
public sealed class EvalRunOptions
{
    /// <summary>Calls in flight at once across all candidates. Default 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Samples per (case, candidate). Default 1.</summary>
    public int Repeats { get; set; } = 1;

    /// <summary>Per-attempt timeout. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (429, 5xx, timeouts). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff; doubles per retry with jitter, unless the server sent Retry-After. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait, Retry-After included. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Read and write the response cache. Default true; <c>--no-cache</c> turns it off.</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Only these candidate ids; empty = all.</summary>
    public IReadOnlyCollection<string> Candidates { get; set; } = [];

    public static EvalRunOptions FromSpec(RunSettings run) => new()
    {
        Concurrency = run.Concurrency,
        Repeats = run.Repeats,
        Timeout = run.Timeout,
        MaxRetries = run.MaxRetries,
        RetryBaseDelay = run.RetryBaseDelay,
        MaxRetryDelay = run.MaxRetryDelay,
    };

    /// <summary>Every problem at once, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > RunLimits.MaxConcurrency)
        {
            problems.Add($"concurrency must be between 1 and {RunLimits.MaxConcurrency} (got {Concurrency})");
        }

        if (Repeats is < 1 or > RunLimits.MaxRepeats)
        {
            problems.Add($"repeats must be between 1 and {RunLimits.MaxRepeats} (got {Repeats})");
        }

        // The timeout strategy accepts 10 ms to 24 h and throws its own options error outside that.
        if (Timeout < TimeSpan.FromSeconds(RunLimits.MinTimeoutSeconds) || Timeout > TimeSpan.FromSeconds(RunLimits.MaxTimeoutSeconds))
        {
            problems.Add($"timeout must be between {RunLimits.MinTimeoutSeconds} s and {RunLimits.MaxTimeoutSeconds} s (got {Timeout.TotalSeconds} s)");
        }

        if (MaxRetries is < 0 or > RunLimits.MaxRetries)
        {
            problems.Add($"retries must be between 0 and {RunLimits.MaxRetries} (got {MaxRetries})");
        }

        var maxDelay = TimeSpan.FromMilliseconds(RunLimits.MaxDelayMs);
        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero || RetryBaseDelay > maxDelay || MaxRetryDelay > maxDelay)
        {
            problems.Add("retry delays must be between 0 and 24 h");
        }

        return problems;
    }
}
