namespace Shipgate.Specs;

/// <summary>
/// What an assertion type accepts. <see cref="Keys"/> are its own keys (besides <c>type</c> and <c>weight</c>);
/// at least one of <see cref="RequiresOneOf"/> must be present when it is not empty. Types that are not
/// <see cref="Negatable"/> have no <c>not-</c> form (a negated rubric verdict means nothing).
/// </summary>
internal sealed record AssertionTypeInfo(string Name, IReadOnlyList<string> Keys, IReadOnlyList<string> RequiresOneOf, bool Negatable = true);
