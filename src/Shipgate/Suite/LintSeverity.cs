namespace Shipgate.Suite;

/// <summary>How much a lint finding matters. Only errors fail <c>shipgate lint</c>.</summary>
public enum LintSeverity
{
    /// <summary>The suite cannot test what it claims to (e.g. a case with no assertions at all).</summary>
    Error,

    /// <summary>A common mistake that weakens the suite's verdicts.</summary>
    Warning,

    /// <summary>Worth knowing; no action strictly needed.</summary>
    Info,
}
