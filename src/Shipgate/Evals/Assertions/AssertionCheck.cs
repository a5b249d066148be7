namespace Shipgate.Evals.Assertions;

/// <summary>
/// What an assertion found, before negation. <see cref="NegatedReason"/> is the wording for the <c>not-</c> form when the
/// generic one ("…; negated by not-x") would read badly; <see cref="Inconclusive"/> marks outcomes that fail in both forms
/// (a regex timeout, an unknown cost, a missing reference).
/// </summary>
internal sealed record AssertionCheck(bool Pass, double Score, string Reason, string? NegatedReason = null, bool Inconclusive = false)
{
    public static AssertionCheck Failed(string reason) => new(false, 0, reason, Inconclusive: true);
}
