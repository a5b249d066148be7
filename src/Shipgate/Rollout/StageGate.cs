using Shipgate.Reports;

namespace Shipgate.Rollout;

/// <summary>One threshold a rollout stage is watched on, e.g. "hallucination rate ≤ 5.0%", with where the number came from.</summary>
public sealed record StageGate(string Metric, string Threshold, Provenance Source);
