using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// Turns a type's <see cref="AssertionCheck"/> into an <see cref="AssertionOutcome"/>, applying <c>not-</c> negation in one
/// place: pass is inverted, score becomes 1 - score, and the reason says the form was negated.
/// </summary>
internal abstract class AssertionBase : IAssertion
{
    protected AssertionBase(AssertionSpec spec)
    {
        Spec = spec;
    }

    protected AssertionSpec Spec { get; }

    public async ValueTask<AssertionOutcome> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = await CheckAsync(context, cancellationToken).ConfigureAwait(false);
        return ToOutcome(check);
    }

    protected abstract ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken);

    private AssertionOutcome ToOutcome(AssertionCheck check)
    {
        var score = Math.Clamp(double.IsFinite(check.Score) ? check.Score : 0, 0, 1);
        if (check.Inconclusive)
        {
            return new AssertionOutcome(Spec.DisplayType, false, 0, check.Reason, Spec.Weight);
        }

        if (!Spec.Negate)
        {
            return new AssertionOutcome(Spec.DisplayType, check.Pass, score, check.Reason, Spec.Weight);
        }

        var pass = !check.Pass;
        var reason = check.NegatedReason
            ?? $"{check.Reason}; negated by {Spec.DisplayType}, so it {(pass ? "passes" : "fails")}";
        return new AssertionOutcome(Spec.DisplayType, pass, 1 - score, reason, Spec.Weight);
    }
}
