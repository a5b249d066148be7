using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>Weighted points the winner is ahead (positive) or behind (negative) the runner-up on one requirement.</summary>
public sealed record PointDifference(RequirementKind Kind, double Points);
