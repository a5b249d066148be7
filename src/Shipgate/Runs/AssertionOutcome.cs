namespace Shipgate.Runs;

/// <summary>Result of one assertion on one output: pass, a 0-1 score and a reason a person can act on.</summary>
public sealed record AssertionOutcome(string Type, bool Pass, double Score, string Reason, double Weight = 1.0)
{
    /// <summary>
    /// A model-graded check that could not reach a verdict (unparseable or out-of-range judge output after a repair
    /// attempt). Never a pass; counted and reported separately so it is never silently dropped.
    /// </summary>
    public bool Inconclusive { get; init; }

    /// <summary>The judge's verdict for model-graded assertions (rubric, groundedness); null for deterministic ones.</summary>
    public JudgeVerdict? Judge { get; init; }
}
