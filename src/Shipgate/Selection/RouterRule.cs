namespace Shipgate.Selection;

/// <summary>
/// One rule of a router policy; rules are tried in order and the first that matches picks the candidate.
/// <see cref="Match"/> is <c>tags</c> (the request has any of <see cref="Tags"/>), <c>input_tokens_above</c>
/// (approximate input tokens &gt; <see cref="InputTokens"/>), <c>similar_to_failure</c> (cosine similarity of the
/// request's embedding to any of <see cref="Examples"/> ≥ <see cref="Threshold"/>) or <c>default</c>.
/// </summary>
public sealed record RouterRule
{
    public required string Match { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public long? InputTokens { get; init; }
    public double? Threshold { get; init; }

    /// <summary>Texts of the fitted cases where the cheap candidate failed (embedded at load time).</summary>
    public IReadOnlyList<string>? Examples { get; init; }

    /// <summary>The candidate id the matching request goes to.</summary>
    public required string Route { get; init; }

    /// <summary>Why the rule exists, from the fit (e.g. "cheap failed 3 of 4 fitted 'adversarial' cases").</summary>
    public string? Why { get; init; }
}
