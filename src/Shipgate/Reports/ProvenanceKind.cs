namespace Shipgate.Reports;

/// <summary>Where a number in a decision report came from.</summary>
public enum ProvenanceKind
{
    /// <summary>Measured in an eval run (the detail names the run).</summary>
    Measured,

    /// <summary>Declared in shipgate.yaml (the detail names the field).</summary>
    Declared,

    /// <summary>Read from the price catalog (the detail names the catalog and its date).</summary>
    Catalog,

    /// <summary>An estimate from an assumption (the detail names the assumption), e.g. the framework's typical ranges.</summary>
    Estimated,

    /// <summary>Computed from other figures (the detail says from what).</summary>
    Derived,
}
