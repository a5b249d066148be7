using Shipgate.Evals;
using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>One candidate's cost drivers in the run: tokens per request, its price and what a request costs.</summary>
public sealed record CandidateCost
{
    public required string CandidateId { get; init; }
    public required string Provider { get; init; }
    public bool OfflineStandIn { get; init; }

    /// <summary>Successful requests the figures are over (errors left out).</summary>
    public int Requests { get; init; }

    /// <summary>"reported by the provider", "counted offline (o200k_base)", or a mix of both with counts.</summary>
    public required string TokenSource { get; init; }

    public required TokenStats InputTokens { get; init; }
    public required TokenStats OutputTokens { get; init; }
    public required TokenStats CachedInputTokens { get; init; }

    /// <summary>The price used; null when neither the spec nor the catalog has one (costs unknown, never $0).</summary>
    public ModelPrice? Price { get; init; }

    /// <summary>Where the price came from: declared pricing, the catalog entry, or the stand-in rule.</summary>
    public required Provenance PriceSource { get; init; }

    public CostFigure? CostPerRequestMean { get; init; }
    public CostFigure? CostPerRequestP95 { get; init; }
    public CostFigure? CostPerRequestP99 { get; init; }
    public CostFigure? CostPerRequestMax { get; init; }

    public double PassRate { get; init; }
    public Interval PassRateCi { get; init; }
    public double? RubricMean { get; init; }
    public Interval RubricMeanCi { get; init; }
    public bool Ships { get; init; }
}
