namespace Shipgate.Judging;

/// <summary>Checks an output's claims against documents. Never throws for a bad verdict: it returns an inconclusive one.</summary>
internal interface IGroundednessJudge
{
    Task<GroundednessResult> JudgeAsync(GroundednessRequest request, CancellationToken cancellationToken);
}
