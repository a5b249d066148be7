using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>A run, summarised: what every renderer (console, Markdown, JSON, JUnit, HTML) draws from.</summary>
public sealed record EvalReport
{
    public required RunRecord Run { get; init; }
    public required IReadOnlyList<CandidateSummary> Candidates { get; init; }
    public required IReadOnlyList<ResultRecord> Results { get; init; }

    /// <summary>Suite-level warnings: too easy, too hard, incomplete run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Results still missing (run interrupted); 0 for a complete run.</summary>
    public long Pending { get; init; }

    /// <summary>Total judge spend of the run, with the part served from the judge cache.</summary>
    public JudgeSpend JudgeSpend { get; init; } = JudgeSpend.None;

    public bool Ship => Candidates.Count > 0 && Candidates.Any(c => c.Verdict.Ship);
}
