namespace Shipgate.Risk;

/// <summary>One mitigation of the vocabulary: its id as written in <c>risk.mitigations</c>, what it is and how it is verified.</summary>
public sealed record Mitigation(string Id, string Name, string Description, MitigationVerification Verification, string HowVerified);
