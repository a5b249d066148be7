namespace Shipgate.Evals;

/// <summary>
/// A snapshot for the progress bar: counts, pass rate so far, tokens and cost so far. Candidate and judge spend are
/// separate figures: <see cref="CostUsd"/> is the candidates' calls, <see cref="JudgeCostUsd"/> what the judges cost
/// in this run (verdicts from the judge cache cost nothing new; <see cref="JudgeFromCache"/> counts them).
/// </summary>
public readonly record struct RunProgress(long Planned, int Done, int Passed, int Errors, int FromCache, long Tokens, decimal CostUsd, decimal JudgeCostUsd = 0m, int JudgeFromCache = 0)
{
    public double PassRate => Done == 0 ? 0 : (double)Passed / Done;
}
