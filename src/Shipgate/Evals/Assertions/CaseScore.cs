namespace Shipgate.Evals.Assertions;

/// <summary>
/// How a case did: pass, weighted score 0-1, and whether it had any assertion at all
/// (a case with none passes with score 1, which usually means the suite forgot to check it).
/// </summary>
public readonly record struct CaseScore(bool Pass, double Score, bool NoAssertions)
{
    public void Deconstruct(out bool pass, out double score)
    {
        pass = Pass;
        score = Score;
    }
}
