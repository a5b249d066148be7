namespace Shipgate.Risk;

/// <summary>How Shipgate can tell whether a mitigation is in place.</summary>
public enum MitigationVerification
{
    /// <summary>Visible in the spec or the store (knowledge files, assertions, gate); a declaration alone is not enough.</summary>
    Configuration,

    /// <summary>Visible when configured; otherwise a declaration in <c>risk.mitigations</c> is taken on trust and labelled so.</summary>
    ConfigurationOrDeclaration,

    /// <summary>Lives outside what Shipgate sees (the product's UI, a team's process): only a declaration can say it exists.</summary>
    Declaration,
}
