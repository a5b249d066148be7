using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>
/// One way to spend less, with its impact as a share of the model cost (a range when estimated; low = high when
/// measured) and in USD per month at today's traffic (null when the spec declares no traffic or costs are unknown).
/// A lever that cannot save anything for this feature says why in <see cref="NotApplicable"/> (shares 0, no monthly
/// figure) and reads "n/a", never "0% / $0.00".
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
    /// <summary>Why the lever does not apply (e.g. the shared prefix is below the providers' caching minimum); null when it does.</summary>
    public string? NotApplicable { get; init; }

    public bool Estimated => Source.Kind == ProvenanceKind.Estimated;
}
