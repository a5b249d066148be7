using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>Groups inconclusive outcomes by why they were inconclusive, so a report can say what was lost and why.</summary>
internal static class InconclusiveReasons
{
    private const int MaxReasonLength = 160;
    private const string Never = "; never counted as a pass";

    /// <summary>Most frequent reason first; ties by text.</summary>
    public static IReadOnlyList<ReasonCount> Group(IEnumerable<AssertionOutcome> outcomes) =>
        [.. outcomes.Where(o => o.Inconclusive)
            .GroupBy(o => Why(o.Reason), StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)];

    /// <summary>"judge call failed: HTTP 500 (8); judge reply unusable … (1)"; at most three reasons, then "… and N more".</summary>
    public static string Describe(IReadOnlyList<ReasonCount> reasons)
    {
        var shown = string.Join("; ", reasons.Take(3).Select(r => $"{r.Reason} ({r.Count})"));
        return reasons.Count > 3 ? $"{shown}; and {reasons.Count - 3} more" : shown;
    }

    /// <summary>The cause without the "inconclusive (judge):" prefix and the "never counted" suffix every such reason carries.</summary>
    internal static string Why(string reason)
    {
        var why = reason.Trim();
        if (why.StartsWith("inconclusive", StringComparison.OrdinalIgnoreCase))
        {
            var colon = why.IndexOf(": ", StringComparison.Ordinal);
            why = colon < 0 ? "" : why[(colon + 2)..];
        }

        if (why.EndsWith(Never, StringComparison.Ordinal))
        {
            why = why[..^Never.Length];
        }

        why = why.ReplaceLineEndings(" ").Trim();
        if (why.Length == 0)
        {
            return "no reason given";
        }

        return why.Length > MaxReasonLength ? why[..(MaxReasonLength - 1)] + "…" : why;
    }
}
