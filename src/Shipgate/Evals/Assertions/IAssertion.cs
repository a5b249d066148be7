using Shipgate.Runs;

namespace Shipgate.Evals.Assertions;

/// <summary>A deterministic check of one output; handles its own <c>not-</c> negation.</summary>
public interface IAssertion
{
    ValueTask<AssertionOutcome> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken);
}
