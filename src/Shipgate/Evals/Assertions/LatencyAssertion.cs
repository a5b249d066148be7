using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>latency</c>: the call's wall time is at most <c>max</c> ms (and at least <c>min</c> when given).
/// Score: 1 within bounds, else max/latency (min: latency/min).
/// </summary>
internal sealed class LatencyAssertion : AssertionBase
{
    public LatencyAssertion(AssertionSpec spec) : base(spec)
    {
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var latency = context.LatencyMs;
        var shown = Ms(latency);
        AssertionCheck check;
        if (Spec.Max is { } max && latency > max)
        {
            check = new AssertionCheck(false, Bounds.Ratio(max, latency), $"latency {shown} > max {Ms(max)}");
        }
        else if (Spec.Min is { } min && latency < min)
        {
            check = new AssertionCheck(false, Bounds.Ratio(latency, min), $"latency {shown} < min {Ms(min)}");
        }
        else
        {
            check = new AssertionCheck(true, 1, $"latency {shown} within {Bounds.Describe(Spec.Min, Spec.Max, Ms)}");
        }

        return ValueTask.FromResult(check);
    }

    private static string Ms(double value) => AssertionText.Number(value, "0") + " ms";
}
