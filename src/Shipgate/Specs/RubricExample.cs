namespace Shipgate.Specs;

/// <summary>A real input/output pair showing one quality level (<c>great</c>, <c>acceptable</c> or <c>failure</c>) of a criterion.</summary>
public sealed record RubricExample(string Level, string Input, string Output, string? Note = null);
