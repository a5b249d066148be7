namespace Shipgate.Reports;

/// <summary>
/// The source of one number: every figure in the select / cost / risk / launch reports carries one, so a reader can
/// tell a measurement (which run) from a declaration (which field) from an estimate (which assumption).
/// </summary>
public readonly record struct Provenance(ProvenanceKind Kind, string Detail)
{
    public static Provenance Measured(string runId) => new(ProvenanceKind.Measured, $"run {runId}");

    public static Provenance Declared(string field) => new(ProvenanceKind.Declared, $"shipgate.yaml {field}");

    public static Provenance Catalog(string detail) => new(ProvenanceKind.Catalog, detail);

    public static Provenance Estimated(string assumption) => new(ProvenanceKind.Estimated, assumption);

    public static Provenance Derived(string from) => new(ProvenanceKind.Derived, from);

    /// <summary>"measured, run 20261129-101500"; what every renderer prints beside the number.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}, {Detail}";
}
