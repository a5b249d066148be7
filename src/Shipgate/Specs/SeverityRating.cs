namespace Shipgate.Specs;

/// <summary><c>risk.severity</c>: the level and the one-line reason for it.</summary>
public sealed record SeverityRating(RiskSeverity Level, string Why, SourceLocation Location);
