namespace Shipgate.Specs;

/// <summary>
/// What an assertion type accepts. <see cref="Keys"/> are its own keys (besides <c>type</c> and <c>weight</c>);
/// at least one of <see cref="RequiresOneOf"/> must be present when it is not empty.
/// </summary>
internal sealed record AssertionTypeInfo(string Name, IReadOnlyList<string> Keys, IReadOnlyList<string> RequiresOneOf);
