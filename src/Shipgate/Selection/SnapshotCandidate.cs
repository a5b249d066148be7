namespace Shipgate.Selection;

/// <summary>A candidate as it stood when the decision was made: its figures and prices, for <c>select --check</c>.</summary>
internal sealed record SnapshotCandidate
{
    public required string Id { get; init; }
    public required string Provider { get; init; }
    public string? Family { get; init; }
    public string? Vendor { get; init; }

    /// <summary>Passed every hard constraint (the shortlist the review triggers watch).</summary>
    public bool Shortlisted { get; init; }
    public double? Quality { get; init; }
    public double? QualityLow { get; init; }
    public double? QualityHigh { get; init; }
    public decimal? CostPerRequest { get; init; }

    /// <summary>Declared pricing (USD per 1M tokens), when the spec had one.</summary>
    public decimal? DeclaredInputPerMillion { get; init; }
    public decimal? DeclaredOutputPerMillion { get; init; }

    /// <summary>The catalog's per-token prices for its model, when the catalog had it.</summary>
    public decimal? CatalogInputPerToken { get; init; }
    public decimal? CatalogOutputPerToken { get; init; }
}
