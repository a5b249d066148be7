using Shipgate.Runs;

namespace Shipgate.Judging;

/// <summary>One judging of one output: the verdict, and why it is inconclusive when it is.</summary>
internal sealed record JudgeResult(JudgeVerdict Verdict, string? Problem = null);
