namespace Shipgate.Evals;

/// <summary>One threshold of the ship gate with its measured value, e.g. "pass rate ≥ 0.90: 0.94 ✓".</summary>
public sealed record GateCheck(string Name, string Threshold, string Measured, bool Pass);
