using Shipgate.Evals;

namespace Shipgate.Launch;

/// <summary>The candidate a decision report is about, and why that one (printed beside it).</summary>
public sealed record CandidateChoice(CandidateSummary Candidate, string Reason);
