namespace Shipgate.Runs;

/// <summary>One rubric criterion's score (1-5) and the judge's reason; a safety criterion's low score is a safety failure.</summary>
public sealed record CriterionScore(string Criterion, int? Score, string Reason, bool Safety = false);
