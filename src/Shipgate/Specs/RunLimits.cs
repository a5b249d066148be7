using System.Globalization;

namespace Shipgate.Specs;

/// <summary>
/// Bounds on <c>run:</c> (and the matching <c>eval</c> options), checked at load so a typo fails in validate instead of
/// exhausting memory or tripping the resilience library's own option checks mid-run. See docs/spec.md, "Validation".
/// </summary>
internal static class RunLimits
{
    /// <summary>Samples per (case, candidate); more than this is never needed to measure variance.</summary>
    public const int MaxRepeats = 100;

    /// <summary>Cases × candidates × repeats of one run.</summary>
    public const long MaxPlannedCalls = 1_000_000;

    public const int MaxConcurrency = 1_000;

    public const int MaxRetries = 100;

    /// <summary>Per-attempt timeout, in seconds: 10 ms to 24 h (what the timeout strategy accepts).</summary>
    public const double MinTimeoutSeconds = 0.01;

    public const double MaxTimeoutSeconds = 86_400;

    /// <summary>Retry delays, in milliseconds: 0 to 24 h.</summary>
    public const double MaxDelayMs = 86_400_000;

    /// <summary>Why a run of this size is refused, or null when it is within <see cref="MaxPlannedCalls"/>.</summary>
    public static string? CheckPlan(long cases, long candidates, long repeats)
    {
        var planned = (decimal)cases * candidates * repeats;
        return planned <= MaxPlannedCalls
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the run would make {planned:N0} calls ({cases:N0} cases × {candidates:N0} candidates × {repeats:N0} repeats); the limit is {MaxPlannedCalls:N0}");
    }

    /// <summary>Every out-of-range value among CLI overrides, as "--option must be ..." messages.</summary>
    public static List<string> CheckOptions(int? repeats, int? concurrency, double? timeoutSeconds, int? retries)
    {
        var problems = new List<string>();
        if (repeats is { } r && r is < 1 or > MaxRepeats)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--repeats must be between 1 and {MaxRepeats}, got {r}"));
        }

        if (concurrency is { } c && c is < 1 or > MaxConcurrency)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--concurrency must be between 1 and {MaxConcurrency}, got {c}"));
        }

        if (timeoutSeconds is { } t && !(t >= MinTimeoutSeconds && t <= MaxTimeoutSeconds))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--timeout must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds} seconds, got {t}"));
        }

        if (retries is { } n && n is < 0 or > MaxRetries)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--retries must be between 0 and {MaxRetries}, got {n}"));
        }

        return problems;
    }
}
