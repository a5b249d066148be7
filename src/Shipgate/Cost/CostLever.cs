using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>
/// One way to spend less, with its impact as a share of the model cost (a range when estimated; low = high when
/// measured) and in USD per month at today's traffic (null when the spec declares no traffic or costs are unknown).
/// </summary>
public sealed record CostLever
{
    public required string Name { get; init; }
    public required string Detail { get; init; }
    public required decimal ShareLow { get; init; }
    public required decimal ShareHigh { get; init; }
    public decimal? MonthlyLow { get; init; }
    public decimal? MonthlyHigh { get; init; }
    public required LeverEffort Effort { get; init; }
    public required Provenance Source { get; init; }
    public bool Estimated => Source.Kind == ProvenanceKind.Estimated;
}
