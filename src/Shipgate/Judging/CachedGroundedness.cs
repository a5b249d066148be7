using Shipgate.Runs;

namespace Shipgate.Judging;

/// <summary>A groundedness judging as kept in the judge cache: the judge's verdict (usage, cost) and its per-claim verdicts.</summary>
internal sealed record CachedGroundedness(JudgeVerdict? Verdict, IReadOnlyList<GroundedClaim>? Claims);
