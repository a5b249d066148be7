namespace Shipgate.Evals;

/// <summary>Why some verdicts were lost, and how many: e.g. "judge call failed: HTTP 500 …" × 8.</summary>
public sealed record ReasonCount(string Reason, int Count);
