using Shipgate.Cost;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>cost</c>: the call cost at most <c>max</c> USD. Unknown cost (no pricing) fails in both forms: it cannot be checked.
/// Score: 1 within bounds, else max/cost.
/// </summary>
internal sealed class CostAssertion : AssertionBase
{
    public CostAssertion(AssertionSpec spec) : base(spec)
    {
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        if (context.CostUsd is not { } cost)
        {
            return ValueTask.FromResult(AssertionCheck.Failed("cost unknown: candidate has no pricing; declare pricing: in the spec"));
        }

        var shown = MoneyFormat.Usd(cost);
        AssertionCheck check;
        if (Spec.Max is { } max && (double)cost > max)
        {
            check = new AssertionCheck(false, Bounds.Ratio(max, (double)cost), $"cost {shown} > max {Usd(max)}");
        }
        else if (Spec.Min is { } min && (double)cost < min)
        {
            check = new AssertionCheck(false, Bounds.Ratio((double)cost, min), $"cost {shown} < min {Usd(min)}");
        }
        else
        {
            check = new AssertionCheck(true, 1, $"cost {shown} within {Bounds.Describe(Spec.Min, Spec.Max, Usd)}");
        }

        return ValueTask.FromResult(check);
    }

    private static string Usd(double value) => MoneyFormat.Usd((decimal)value);
}
