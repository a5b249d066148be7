namespace Shipgate.Risk;

/// <summary>Whether a mitigation is in place, and how we know.</summary>
public enum MitigationStatus
{
    /// <summary>Seen in the feature's configuration (spec, suite, gate or store).</summary>
    Configured,

    /// <summary>Not visible to Shipgate, but declared in <c>risk.mitigations</c>: taken on trust and labelled so.</summary>
    DeclaredOnly,

    /// <summary>Neither configured nor (where a declaration counts) declared.</summary>
    Missing,
}
