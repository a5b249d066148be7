using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>One lint finding: a stable code, what is wrong, and what to do about it.</summary>
/// <param name="Code">Stable identifier such as <c>SG101</c>; see docs/lint.md.</param>
/// <param name="Location">Where to look, when the finding is about one place in the suite.</param>
public sealed record LintFinding(LintSeverity Severity, string Code, string Message, string Advice, SourceLocation? Location = null);
