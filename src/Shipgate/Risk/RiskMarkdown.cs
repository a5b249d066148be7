using System.Text;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>The "## Hallucination risk" section of the risk and launch reports, in Markdown; every number with its source.</summary>
public static class RiskMarkdown
{
    public static string Render(RiskAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var a = assessment;
        var md = new StringBuilder();
        md.Append("## Hallucination risk\n\n");
        md.Append("**").Append(a.Readiness.Label).Append("** - ").Append(Cell(a.Readiness.Summary)).Append("\n\n");
        if (a.Risk is not { } risk || a.Strategy is not { } strategy)
        {
            AppendList(md, a.Readiness.Reasons);
            AppendBudget(md, a);
            AppendWarnings(md, a.Warnings);
            return md.ToString();
        }

        md.Append("| | value | source |\n|---|---|---|\n");
        md.Append("| severity | **").Append(RiskLevels.Name(risk.Severity.Level)).Append("** - ").Append(Cell(risk.Severity.Why)).Append(" | ").Append(RiskAssessment.SeveritySource).Append(" |\n");
        md.Append("| detection | **").Append(RiskLevels.Name(risk.Detection.Level)).Append("** - ").Append(Cell(risk.Detection.Why)).Append(" | ").Append(RiskAssessment.DetectionSource).Append(" |\n");
        if (a.CandidateId is { } candidate)
        {
            md.Append("| candidate | ").Append(Cell(candidate)).Append(" (").Append(Cell(a.Provider ?? "")).Append(a.OfflineStandIn ? ", offline stand-in" : "").Append(a.CandidateReason is { } why ? "; " + Cell(why) : "").Append(") | ")
                .Append(Provenance.Measured(a.RunId)).Append(" |\n");
        }

        md.Append("\n### Severity × detection\n\n");
        md.Append("| severity \\ detection |");
        foreach (var d in RiskMatrix.Detections)
        {
            md.Append(' ').Append(RiskLevels.Name(d)).Append(" |");
        }

        md.Append("\n|---|---|---|---|---|\n");
        foreach (var s in RiskMatrix.Severities.Reverse())
        {
            md.Append("| **").Append(RiskLevels.Name(s)).Append("** |");
            foreach (var d in RiskMatrix.Detections)
            {
                var cell = RiskMatrix.Strategy(s, d);
                var here = s == risk.Severity.Level && d == risk.Detection.Level;
                md.Append(' ').Append(here ? $"**▶ {cell.Name}** (this feature)" : cell.Name).Append(cell.FromFramework ? "" : " †").Append(" |");
            }

            md.Append('\n');
        }

        md.Append("\n† derived by Shipgate where the framework is silent (docs/risk.md).\n\n");
        md.Append("### Strategy: ").Append(strategy.Name).Append("\n\n").Append(strategy.Reasoning)
            .Append(strategy.FromFramework ? " (the framework's strategy for this cell)" : " (derived by Shipgate; see docs/risk.md)").Append("\n\n");
        if (strategy.Caution is { } caution)
        {
            md.Append("> **Caution:** ").Append(caution).Append("\n\n");
        }

        var checks = a.Checks.Concat(a.ExtraMitigations).ToList();
        var anyMissing = checks.Any(c => !c.Met);
        md.Append("### Mitigations\n\n| mitigation | required | status | how we know | source |").Append(anyMissing ? " what to do |" : "")
            .Append("\n|---|---|---|---|---|").Append(anyMissing ? "---|" : "").Append('\n');
        foreach (var c in checks)
        {
            md.Append("| ").Append(c.Mitigation.Name).Append(" (`").Append(c.Mitigation.Id).Append("`) | ").Append(c.Required ? "yes" : "no (declared extra)")
                .Append(" | ").Append(Status(c.Status)).Append(" | ").Append(Cell(c.Evidence)).Append(" | ").Append(Cell(c.Source.ToString())).Append(" |");
            if (anyMissing)
            {
                md.Append(' ').Append(Cell(c.WhatToDo ?? "")).Append(" |");
            }

            md.Append('\n');
        }

        md.Append('\n');
        AppendBudget(md, a);
        md.Append("### Verdict\n\n");
        AppendList(md, a.Readiness.Reasons);
        AppendWarnings(md, a.Warnings);
        return md.ToString();
    }

    internal static string Status(MitigationStatus status) => status switch
    {
        MitigationStatus.Configured => "met (configuration)",
        MitigationStatus.DeclaredOnly => "met (declared only)",
        _ => "MISSING",
    };

    private static void AppendBudget(StringBuilder md, RiskAssessment a)
    {
        var b = a.Budget;
        md.Append("### Hallucination budget\n\n").Append(Cell(b.Statement)).Append("\n\n");
        var rows = BudgetRows(b);
        if (rows.Count > 0)
        {
            md.Append("| figure | value | source |\n|---|---|---|\n");
            foreach (var (name, value, source) in rows)
            {
                md.Append("| ").Append(name).Append(" | ").Append(Cell(value)).Append(" | ").Append(Cell(source.ToString())).Append(" |\n");
            }

            md.Append('\n');
        }

        if (b.MeasuredBy is { } how)
        {
            md.Append("Measured by: ").Append(Cell(how)).Append("\n\n");
        }

        md.Append("Rollback trigger: ").Append(Cell(b.RollbackTrigger ?? "none declared: add risk.budget.rollback_at")).Append("\n\n");
    }

    /// <summary>The budget's numbers, each with its source, in the order every renderer shows them.</summary>
    internal static List<(string Name, string Value, Provenance Source)> BudgetRows(BudgetAssessment b)
    {
        var rows = new List<(string, string, Provenance)>();
        if (b.MaxRate is { } max)
        {
            rows.Add(("budget (max rate)", RiskText.Percent(max.Value), max.Source));
        }

        if (b.Rate is { } rate)
        {
            var ci = b.RateCi is Interval i ? $" [{RiskText.Percent(i.Low)}, {RiskText.Percent(i.High)}] (two-sided 95% Wilson)" : "";
            var approx = b.Approximate ? $"; {Judging.ReferenceGroundednessJudge.Label}" : "";
            rows.Add(("measured rate", $"{RiskText.Percent(rate.Value)}{ci} ({b.Hallucinated} of {b.Checked} checked{approx})", rate.Source));
        }

        if (b.UpperBound is { } upper)
        {
            rows.Add(("95% upper bound", RiskText.Percent(upper.Value), upper.Source));
        }

        if (b.CasesNeeded is { } needed)
        {
            rows.Add(("checked cases needed (zero hallucinations)", RiskText.Int(needed.Value), needed.Source));
        }

        if (b.CasesNeededAtMeasuredRate is { } atRate)
        {
            rows.Add(("checked cases needed (at the measured rate)", RiskText.Int(atRate.Value), atRate.Source));
        }

        if (b.RollbackAt is { } rollback)
        {
            rows.Add(("rollback at", RiskText.Percent(rollback.Value), rollback.Source));
        }

        if (b.RollbackWindow is { } window)
        {
            rows.Add(("rollback window (checked answers)", RiskText.Int(window.Value), window.Source));
        }

        return rows;
    }

    private static void AppendList(StringBuilder md, IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            md.Append("- ").Append(Cell(item)).Append('\n');
        }

        if (items.Count > 0)
        {
            md.Append('\n');
        }
    }

    private static void AppendWarnings(StringBuilder md, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        md.Append("**Warnings**\n\n");
        AppendList(md, warnings);
    }

    /// <summary>Keeps a value inside one table cell or list line: no pipes, no newlines, no raw HTML.</summary>
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
