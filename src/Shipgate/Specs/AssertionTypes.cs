namespace Shipgate.Specs;

/// <summary>
/// The single list of assertion types and their keys (docs/spec.md, "Assertions"). The loader validates
/// against it; evaluators switch on these names. Every type also exists negated as <c>not-&lt;type&gt;</c>.
/// </summary>
internal static class AssertionTypes
{
    public const string NegationPrefix = "not-";

    public const string EqualsType = "equals";
    public const string IEquals = "iequals";
    public const string Contains = "contains";
    public const string IContains = "icontains";
    public const string ContainsAny = "contains-any";
    public const string IContainsAny = "icontains-any";
    public const string ContainsAll = "contains-all";
    public const string IContainsAll = "icontains-all";
    public const string StartsWith = "starts-with";
    public const string IStartsWith = "istarts-with";
    public const string Regex = "regex";
    public const string IsJson = "is-json";
    public const string JsonSchema = "json-schema";
    public const string Length = "length";
    public const string Latency = "latency";
    public const string Cost = "cost";
    public const string Similar = "similar";
    public const string Rubric = "rubric";
    public const string Grounded = "grounded";

    /// <summary>Default pass threshold of <c>rubric</c> on the 1-5 weighted mean (the framework's "average above 4.0").</summary>
    public const double DefaultRubricMin = 4.0;

    /// <summary>Default cosine-similarity threshold of <c>similar</c>.</summary>
    public const double DefaultSimilarThreshold = 0.75;

    /// <summary>Keys every assertion accepts.</summary>
    public static readonly IReadOnlyList<string> CommonKeys = ["type", "weight"];

    private static readonly string[] Value = ["value"];
    private static readonly string[] Values = ["values"];

    public static readonly IReadOnlyList<AssertionTypeInfo> All =
    [
        new(EqualsType, Value, Value),
        new(IEquals, Value, Value),
        new(Contains, Value, Value),
        new(IContains, Value, Value),
        new(ContainsAny, Values, Values),
        new(IContainsAny, Values, Values),
        new(ContainsAll, Values, Values),
        new(IContainsAll, Values, Values),
        new(StartsWith, Value, Value),
        new(IStartsWith, Value, Value),
        new(Regex, Value, Value),
        new(IsJson, [], []),
        new(JsonSchema, ["schema", "value"], ["schema", "value"]),
        new(Length, ["min", "max"], ["min", "max"]),
        new(Latency, ["max"], ["max"]),
        new(Cost, ["max"], ["max"]),
        new(Similar, ["threshold", "value"], []),
        new(Rubric, ["criteria", "min", "judge"], [], Negatable: false),
        new(Grounded, ["judge", "max_unsupported", "sources"], [], Negatable: false),
    ];

    private static readonly Dictionary<string, AssertionTypeInfo> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every name a spec may write, negated forms included.</summary>
    public static readonly IReadOnlyList<string> AllNames = [.. All.Select(t => t.Name), .. All.Where(t => t.Negatable).Select(t => NegationPrefix + t.Name)];

    /// <summary>Resolves a written type such as <c>not-icontains</c> to its base type and negation.</summary>
    public static bool TryResolve(string written, out AssertionTypeInfo info, out bool negate)
    {
        negate = written.StartsWith(NegationPrefix, StringComparison.Ordinal);
        var name = negate ? written[NegationPrefix.Length..] : written;
        if (ByName.TryGetValue(name, out var found) && (!negate || found.Negatable))
        {
            info = found;
            return true;
        }

        info = null!;
        return false;
    }
}
