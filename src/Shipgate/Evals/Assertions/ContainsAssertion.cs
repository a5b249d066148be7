using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary><c>contains</c>, <c>contains-any</c>, <c>contains-all</c> and their case-insensitive <c>i</c> forms.</summary>
internal sealed class ContainsAssertion : AssertionBase
{
    private readonly ContainsMode _mode;
    private readonly bool _ignoreCase;
    private readonly IReadOnlyList<string> _values;

    public ContainsAssertion(AssertionSpec spec, ContainsMode mode, bool ignoreCase) : base(spec)
    {
        _mode = mode;
        _ignoreCase = ignoreCase;
        _values = mode == ContainsMode.One
            ? [spec.Value ?? ""]
            : spec.Values.Count > 0 ? spec.Values : spec.Value is null ? [] : [spec.Value];
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var positions = _values.Select(v => (Value: v, At: output.IndexOf(v, comparison))).ToList();
        var found = positions.Where(p => p.At >= 0).ToList();
        var missing = positions.Where(p => p.At < 0).Select(p => p.Value).ToList();
        var note = AssertionText.CaseNote(_ignoreCase);
        var size = AssertionText.Chars(output.Length);

        var check = _mode switch
        {
            ContainsMode.One => found.Count == 1
                ? new AssertionCheck(true, 1,
                    $"output contains {AssertionText.Quote(found[0].Value)}{note} at char {found[0].At}",
                    $"output contains forbidden {AssertionText.Quote(found[0].Value)}{note} at char {found[0].At}")
                : new AssertionCheck(false, 0,
                    $"expected output to contain {AssertionText.Quote(_values[0])}{note}; not found in {size}",
                    $"output does not contain forbidden {AssertionText.Quote(_values[0])}{note} ({size} checked)"),
            ContainsMode.Any => found.Count > 0
                ? new AssertionCheck(true, 1,
                    $"output contains {AssertionText.Quote(found[0].Value)}{note} at char {found[0].At} ({found.Count} of {_values.Count} listed found)",
                    $"output contains forbidden {AssertionText.Quote(found[0].Value)}{note} at char {found[0].At}" + (found.Count > 1 ? $" ({found.Count} of {_values.Count} forbidden found)" : ""))
                : new AssertionCheck(false, 0,
                    $"expected output to contain any of {AssertionText.QuoteAll(_values)}{note}; none found in {size}",
                    $"output contains none of forbidden {AssertionText.QuoteAll(_values)}{note} ({size} checked)"),
            _ => AllCheck(found.Count, missing, note),
        };
        return ValueTask.FromResult(check);
    }

    private AssertionCheck AllCheck(int foundCount, List<string> missing, string note)
    {
        var total = _values.Count;
        var share = total == 0 ? 1 : (double)foundCount / total;
        if (missing.Count == 0)
        {
            return new AssertionCheck(true, share,
                $"contains all {total} required{note}",
                $"output contains all {total} forbidden together{note}: {AssertionText.QuoteAll(_values)}");
        }

        return new AssertionCheck(false, share,
            $"contains {foundCount} of {total} required{note}: missing {AssertionText.QuoteAll(missing)}",
            $"contains {foundCount} of {total} (not all){note}: missing {AssertionText.QuoteAll(missing)}");
    }
}
