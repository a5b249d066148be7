namespace Shipgate.Judging;

/// <summary>One judge's judgings of one output (one per repeat).</summary>
internal sealed record JudgeRun(string JudgeId, IReadOnlyList<JudgeResult> Repeats);
