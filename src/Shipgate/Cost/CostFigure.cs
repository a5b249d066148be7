using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>An amount in USD with where it came from (measured run, declared field, catalog, estimate).</summary>
public sealed record CostFigure(decimal Value, Provenance Source);
