using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>One what-if of the robustness check: a requirement's weight moved by ±1, and who wins then.</summary>
public sealed record WeightChange(RequirementKind Kind, int Delta, int NewWeight, string? Winner);
