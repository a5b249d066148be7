namespace Shipgate.Judging;

/// <summary>What the offline reference judge scores a rubric criterion from (docs/judging.md, "local:reference").</summary>
internal enum CriterionEvidence
{
    /// <summary>Required facts of the case, and figures or a yes/no that contradict the reference.</summary>
    Correctness,

    /// <summary>Similarity to the reference, share of the reference's sentences covered, share of the output on topic, length.</summary>
    Helpfulness,

    /// <summary>Forbidden phrases, and whether the output refuses / hands off where the reference does.</summary>
    Safety,

    /// <summary>No keyword matched: similarity and required facts together.</summary>
    Fallback,
}
