namespace Shipgate.Judging;

/// <summary>Scores one output against rubric criteria. Never throws for a bad verdict: it returns an inconclusive one.</summary>
internal interface IRubricJudge
{
    Task<JudgeResult> JudgeAsync(RubricJudgeRequest request, CancellationToken cancellationToken);
}
