using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary><c>starts-with</c> / <c>istarts-with</c>. Leading whitespace of the output is ignored (models often emit it).</summary>
internal sealed class StartsWithAssertion : AssertionBase
{
    private readonly string _prefix;
    private readonly bool _ignoreCase;

    public StartsWithAssertion(AssertionSpec spec, bool ignoreCase) : base(spec)
    {
        _prefix = spec.Value ?? "";
        _ignoreCase = ignoreCase;
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Output.TrimStart();
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var note = AssertionText.CaseNote(_ignoreCase);
        var prefix = AssertionText.Quote(_prefix);
        var check = output.StartsWith(_prefix, comparison)
            ? new AssertionCheck(true, 1,
                $"output starts with {prefix}{note}",
                $"output starts with forbidden {prefix}{note}")
            : new AssertionCheck(false, 0,
                $"expected output to start with {prefix}{note}; it starts with {AssertionText.Quote(output[..Math.Min(output.Length, Math.Max(_prefix.Length, 20))])}",
                $"output does not start with forbidden {prefix}{note}");
        return ValueTask.FromResult(check);
    }
}
