namespace Shipgate.Evals;

/// <summary>One case in a comparison: mean score and pass share over its repeats, on each side.</summary>
public sealed record CaseComparison(string CaseId, double ScoreA, double ScoreB, double PassA, double PassB)
{
    /// <summary>Passed (on most repeats) in A and not in B.</summary>
    public bool Regressed => PassA >= 0.5 && PassB < 0.5;

    /// <summary>Failed in A and passed in B.</summary>
    public bool Improved => PassA < 0.5 && PassB >= 0.5;

    public double Delta => ScoreB - ScoreA;
}
