using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>length</c>: the output's length in characters (UTF-16 code units, untrimmed) is within <c>min</c>..<c>max</c>.
/// Score: 1 within bounds; above max it is max/length, below min it is length/min, so "a bit too long" scores near 1.
/// </summary>
internal sealed class LengthAssertion : AssertionBase
{
    public LengthAssertion(AssertionSpec spec) : base(spec)
    {
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var length = context.Output.Length;
        var bounds = Bounds.Describe(Spec.Min, Spec.Max, v => AssertionText.Number(v));
        AssertionCheck check;
        if (Spec.Max is { } max && length > max)
        {
            check = new AssertionCheck(false, Bounds.Ratio(max, length), $"length {length} > max {AssertionText.Number(max)}");
        }
        else if (Spec.Min is { } min && length < min)
        {
            check = new AssertionCheck(false, Bounds.Ratio(length, min), $"length {length} < min {AssertionText.Number(min)}");
        }
        else
        {
            check = new AssertionCheck(true, 1, $"length {length} within {bounds}");
        }

        return ValueTask.FromResult(check);
    }
}
