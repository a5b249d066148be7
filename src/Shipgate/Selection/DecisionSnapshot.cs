using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// <c>&lt;feature&gt;/decisions/model-selection.json</c>: the figures and prices at decision time, which
/// <c>shipgate select --check</c> compares today's catalog, spec and latest run against.
/// </summary>
internal sealed record DecisionSnapshot
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The winner passes the ship gate and the run matches today's spec.</summary>
    public const string Accepted = "accepted";

    /// <summary>A winner, but not yet shippable on this evidence (<see cref="StatusReasons"/> say why).</summary>
    public const string Proposed = "proposed";

    /// <summary>No candidate passes every hard constraint.</summary>
    public const string Open = "open";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Feature { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required string RunId { get; init; }
    public required QualityMetric Metric { get; init; }
    public string? Winner { get; init; }

    /// <summary><see cref="Accepted"/>, <see cref="Proposed"/> or <see cref="Open"/>; null in records written before statuses existed.</summary>
    public string? Status { get; init; }

    /// <summary>Why the decision is not accepted (empty when it is).</summary>
    public IReadOnlyList<string> StatusReasons { get; init; } = [];
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
        var (status, reasons) = StatusOf(analysis);
        return new DecisionSnapshot
        {
            Status = status,
            StatusReasons = reasons,
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

    /// <summary>
    /// "accepted" only when the winner passes the eval's ship gate, the run was made with today's spec (content hash),
    /// the run compared more than one candidate and the matrix is ready; otherwise "proposed" with every reason.
    /// </summary>
    public static (string Status, IReadOnlyList<string> Reasons) StatusOf(SelectionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Get(analysis.Winner) is not { } winner)
        {
            return (Open, ["no candidate passes every hard constraint"]);
        }

        var reasons = new List<string>();
        if (!winner.PassesShipGate)
        {
            reasons.Add($"the winner {winner.CandidateId} does not pass the ship gate"
                + (winner.ShipGateFailures.Count == 0 ? "" : $" (failed: {string.Join("; ", winner.ShipGateFailures)})"));
        }

        if (!analysis.RunMatchesSpec)
        {
            reasons.Add($"run {analysis.RunId} was made with an earlier version of shipgate.yaml or its files: re-run 'shipgate eval' for evidence that matches today's spec");
        }

        if (analysis.OnlyCandidate is { } only)
        {
            reasons.Add($"run {analysis.RunId} holds only {only}: the matrix compares nothing");
        }

        if (!analysis.Readiness.Ready)
        {
            reasons.Add($"the matrix is not ready: {analysis.Readiness.Summary}");
        }

        return (reasons.Count == 0 ? Accepted : Proposed, reasons);
    }
}
