using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>
/// The text that stands for a case's input when cases are compared by meaning. Only the var values count:
/// the prompt template is the same for every case, so rendering it would make every pair look alike.
/// </summary>
internal static class CaseText
{
    /// <summary>Var values in key order, one per line; empty when the case has no vars.</summary>
    public static string Of(IReadOnlyDictionary<string, string> vars) =>
        string.Join("\n", vars.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value.Trim()).Where(v => v.Length > 0));
}
