namespace Shipgate.Selection;

/// <summary>
/// A fitted router policy, written to <c>&lt;feature&gt;/router-policy.json</c> for a runtime to load (format in
/// docs/select.md). Requests are described by their tags, approximate input tokens of the rendered prompt
/// (<see cref="TokenCounter"/>) and the embedding of the case input (<see cref="EmbeddingModel"/>).
/// </summary>
public sealed record RouterPolicy
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Feature { get; init; }
    public required string RunId { get; init; }
    public required string CheapCandidate { get; init; }
    public required string StrongCandidate { get; init; }
    public string TokenCounter { get; init; } = "o200k_base tokens of the rendered prompt (counted offline)";
    public string? EmbeddingModel { get; init; }

    /// <summary>
    /// The request features a runtime must supply to apply the rules, e.g. "the request's tags: edge, safety";
    /// empty when only the default rule is left.
    /// </summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    public required IReadOnlyList<RouterRule> Rules { get; init; }

    /// <summary>The candidate the rules pick for a request.</summary>
    public string Route(IReadOnlyCollection<string> tags, long inputTokens, double? nearestFailureSimilarity)
    {
        foreach (var rule in Rules)
        {
            var matches = rule.Match switch
            {
                "tags" => rule.Tags?.Any(tags.Contains) == true,
                "input_tokens_above" => inputTokens > rule.InputTokens,
                "similar_to_failure" => nearestFailureSimilarity >= rule.Threshold,
                _ => true,
            };
            if (matches)
            {
                return rule.Route;
            }
        }

        return CheapCandidate;
    }
}
