using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary><c>equals</c> / <c>iequals</c>: the trimmed output equals the trimmed value.</summary>
internal sealed class EqualsAssertion : AssertionBase
{
    private readonly string _expected;
    private readonly bool _ignoreCase;

    public EqualsAssertion(AssertionSpec spec, bool ignoreCase) : base(spec)
    {
        _expected = (spec.Value ?? "").Trim();
        _ignoreCase = ignoreCase;
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var actual = context.Output.Trim();
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var note = AssertionText.CaseNote(_ignoreCase);
        var expected = AssertionText.Quote(_expected);

        if (string.Equals(actual, _expected, comparison))
        {
            return ValueTask.FromResult(new AssertionCheck(true, 1,
                $"output equals {expected}{note}",
                $"output equals forbidden {expected}{note}"));
        }

        var diff = FirstDifference(actual, _expected, comparison);
        return ValueTask.FromResult(new AssertionCheck(false, 0,
            $"expected output to equal {expected}{note}; got {AssertionText.Quote(actual)} ({AssertionText.Chars(actual.Length)}), first difference at char {diff}",
            $"output differs from forbidden {expected}{note} at char {diff}"));
    }

    private static int FirstDifference(string a, string b, StringComparison comparison)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (!string.Equals(a.Substring(i, 1), b.Substring(i, 1), comparison))
            {
                return i;
            }
        }

        return n;
    }
}
