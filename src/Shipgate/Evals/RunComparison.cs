using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>B against A on the cases both ran: per-case changes and a paired test of whether B differs beyond noise.</summary>
public sealed record RunComparison
{
    public required string LabelA { get; init; }
    public required string LabelB { get; init; }
    public required IReadOnlyList<CaseComparison> Cases { get; init; }

    /// <summary>Cases only one side ran; they are left out of the paired test.</summary>
    public int Unpaired { get; init; }

    public required PairedComparisonResult Scores { get; init; }
    public double PassRateA { get; init; }
    public double PassRateB { get; init; }

    public IEnumerable<CaseComparison> Regressions => Cases.Where(c => c.Regressed).OrderBy(c => c.Delta);

    public IEnumerable<CaseComparison> Improvements => Cases.Where(c => c.Improved).OrderByDescending(c => c.Delta);
}
