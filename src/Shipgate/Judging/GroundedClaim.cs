namespace Shipgate.Judging;

/// <summary>One factual claim of an output, its verdict and the evidence (a quote, or the best match offline).</summary>
internal sealed record GroundedClaim(string Claim, ClaimVerdict Verdict, string Evidence);
