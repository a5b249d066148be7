namespace Shipgate.Evals;

/// <summary>A snapshot for the progress bar: counts, pass rate so far, tokens and cost so far.</summary>
public readonly record struct RunProgress(int Planned, int Done, int Passed, int Errors, int FromCache, long Tokens, decimal CostUsd)
{
    public double PassRate => Done == 0 ? 0 : (double)Passed / Done;
}
