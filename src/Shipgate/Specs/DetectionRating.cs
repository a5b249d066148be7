namespace Shipgate.Specs;

/// <summary><c>risk.detection</c>: the level and the one-line reason for it.</summary>
public sealed record DetectionRating(RiskDetection Level, string Why, SourceLocation Location);
