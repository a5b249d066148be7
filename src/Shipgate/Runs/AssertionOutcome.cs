namespace Shipgate.Runs;

/// <summary>Result of one assertion on one output: pass, a 0-1 score and a reason a person can act on.</summary>
public sealed record AssertionOutcome(string Type, bool Pass, double Score, string Reason, double Weight = 1.0);
