using Shipgate.Statistics;

namespace Shipgate.Selection;

/// <summary>How robust the choice is: does a ±1 weight change flip it, and are the top two apart beyond noise.</summary>
public sealed record SelectionRobustness
{
    /// <summary>Every single-weight ±1 change that was tried (weights stay within 1-5).</summary>
    public IReadOnlyList<WeightChange> Checked { get; init; } = [];

    /// <summary>The changes that give a different winner.</summary>
    public IReadOnlyList<WeightChange> Flips => [.. Checked.Where(c => c.Winner != Winner)];

    public string? Winner { get; init; }
    public string? RunnerUp { get; init; }

    /// <summary>Total points the winner leads by.</summary>
    public double? Margin { get; init; }

    /// <summary>Paired per-case quality difference, winner minus runner-up, with its bootstrap CI; null with fewer than 2 shared cases.</summary>
    public PairedDifferenceResult? QualityDifference { get; init; }

    /// <summary>Weighted points winner minus runner-up per requirement (|difference| ≥ 0.005), largest first: what separates them.</summary>
    public IReadOnlyList<PointDifference> Differences { get; init; } = [];

    /// <summary>True when the quality difference's CI excludes 0; null when not measurable.</summary>
    public bool? Separated => QualityDifference?.Significant;

    /// <summary>One plain sentence for the reports.</summary>
    public required string Statement { get; init; }
}
