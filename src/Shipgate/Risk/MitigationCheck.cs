using Shipgate.Reports;

namespace Shipgate.Risk;

/// <summary>One mitigation checked against the feature: met or missing, the evidence, and what to do when missing.</summary>
public sealed record MitigationCheck
{
    public required Mitigation Mitigation { get; init; }

    /// <summary>True when the feature's strategy requires it; false for extra mitigations the spec declares.</summary>
    public required bool Required { get; init; }

    /// <summary>True when <c>risk.mitigations</c> lists it.</summary>
    public required bool Declared { get; init; }

    public required MitigationStatus Status { get; init; }

    /// <summary>How we know, e.g. "9 knowledge files" or "declared in risk.mitigations; Shipgate cannot see it".</summary>
    public required string Evidence { get; init; }

    /// <summary>Where the evidence comes from (a spec field, the store, or the declaration).</summary>
    public required Provenance Source { get; init; }

    /// <summary>What to do when missing; null when met.</summary>
    public string? WhatToDo { get; init; }

    public bool Met => Status != MitigationStatus.Missing;
}
