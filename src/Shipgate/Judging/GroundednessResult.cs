using Shipgate.Runs;

namespace Shipgate.Judging;

/// <summary>A groundedness judging: per-claim verdicts, the judge's usage, and why it is inconclusive when it is.</summary>
internal sealed record GroundednessResult(JudgeVerdict Verdict, IReadOnlyList<GroundedClaim> Claims, string? Problem = null);
