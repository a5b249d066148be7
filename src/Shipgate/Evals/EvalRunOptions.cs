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
        if (Concurrency < 1)
        {
            problems.Add($"concurrency must be at least 1 (got {Concurrency})");
        }

        if (Repeats < 1)
        {
            problems.Add($"repeats must be at least 1 (got {Repeats})");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"timeout must be positive (got {Timeout.TotalSeconds} s)");
        }

        if (MaxRetries < 0)
        {
            problems.Add($"retries must be 0 or more (got {MaxRetries})");
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
        {
            problems.Add("retry delays must not be negative");
        }

        return problems;
    }
}
