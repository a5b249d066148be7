using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// <c>&lt;feature&gt;/decisions/model-selection.json</c>: the figures and prices at decision time, which
/// <c>shipgate select --check</c> compares today's catalog, spec and latest run against.
/// </summary>
internal sealed record DecisionSnapshot
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Feature { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required string RunId { get; init; }
    public required QualityMetric Metric { get; init; }
    public string? Winner { get; init; }
    public required IReadOnlyList<SnapshotCandidate> Candidates { get; init; }
    public DateOnly? CatalogDate { get; init; }
    public string? CatalogSource { get; init; }

    /// <summary>Catalog models per shortlisted family at decision time; a new name later is a review trigger.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FamilyModels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static DecisionSnapshot From(SelectionAnalysis analysis, FeatureSpec spec, Cost.PriceCatalog? catalog, DateTimeOffset now)
    {
        var candidates = analysis.Candidates.Select(a =>
        {
            var candidate = spec.Candidates.FirstOrDefault(c => c.Id == a.CandidateId);
            var price = candidate is null ? null : CatalogLookup.Find(catalog, candidate);
            return new SnapshotCandidate
            {
                Id = a.CandidateId,
                Provider = a.Provider,
                Family = a.Family,
                Vendor = a.Vendor,
                Shortlisted = !a.Eliminated,
                Quality = a.Quality,
                QualityLow = a.QualityCi?.Low,
                QualityHigh = a.QualityCi?.High,
                CostPerRequest = a.CostPerRequest,
                DeclaredInputPerMillion = candidate?.Pricing?.InputPerMillion,
                DeclaredOutputPerMillion = candidate?.Pricing?.OutputPerMillion,
                CatalogInputPerToken = price?.InputPerToken,
                CatalogOutputPerToken = price?.OutputPerToken,
            };
        }).ToList();

        var families = catalog is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : candidates.Where(c => c.Shortlisted && c.Family is not null).Select(c => c.Family!).Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(f => f, f => CatalogLookup.FamilyModels(catalog, f));
        return new DecisionSnapshot
        {
            Feature = analysis.Feature,
            DecidedAt = now,
            RunId = analysis.RunId,
            Metric = analysis.Metric,
            Winner = analysis.Winner,
            Candidates = candidates,
            CatalogDate = catalog?.Date,
            CatalogSource = catalog?.Source,
            FamilyModels = families,
        };
    }
}
