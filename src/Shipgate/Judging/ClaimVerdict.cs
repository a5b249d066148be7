namespace Shipgate.Judging;

/// <summary>What the documents say about one claim of an output.</summary>
internal enum ClaimVerdict
{
    Supported,
    Contradicted,
    NotFound,
}
