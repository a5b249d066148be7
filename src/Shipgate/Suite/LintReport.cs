namespace Shipgate.Suite;

/// <summary>The result of linting a suite. Findings are ordered by severity, then code.</summary>
/// <param name="RunId">The completed run the run-based checks used, or null when there was none.</param>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings, int CaseCount, string? RunId)
{
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);

    public int Count(LintSeverity severity) => Findings.Count(f => f.Severity == severity);
}
