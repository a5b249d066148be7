using System.Globalization;
using Shipgate.Evals;
using Shipgate.Statistics;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Prints a comparison so its verdict cannot be misread: the difference, its interval, the tests and what the suite can detect.</summary>
internal static class ComparisonRenderer
{
    public static void Render(IAnsiConsole console, RunComparison c, int show)
    {
        var s = c.Scores;
        var d = s.Difference;
        console.MarkupLineInterpolated($"[bold]A[/] {c.LabelA}");
        console.MarkupLineInterpolated($"[bold]B[/] {c.LabelB}");
        console.MarkupLineInterpolated($"{c.Cases.Count} paired cases{(c.Unpaired > 0 ? $" ({c.Unpaired} ran on one side only and are left out)" : "")}");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "A", "B", "B − A [[95% CI]]", "p");
        table.AddRow("mean score", F(c.Cases.Average(x => x.ScoreA)), F(c.Cases.Average(x => x.ScoreB)), $"{Signed(d.MeanDifference)} [[{Signed(d.Low)}, {Signed(d.High)}]]", P(d.PValue) + " (bootstrap)");
        table.AddRow("pass rate", $"{c.PassRateA:0.0%}", $"{c.PassRateB:0.0%}", $"{c.PassRateB - c.PassRateA:+0.0%;-0.0%;0.0%}", "");
        table.AddRow("sign test", "", "", $"{s.Sign.Positive} better, {s.Sign.Negative} worse, {s.Sign.Ties} same", P(s.Sign.PValue));
        table.AddRow("Wilcoxon signed-rank", "", "", $"W = {s.Wilcoxon.Statistic:0.#}{(s.Wilcoxon.Exact ? " (exact)" : "")}", P(s.Wilcoxon.PValue));
        console.Write(table);
        console.MarkupLineInterpolated($"smallest difference this suite can detect (80% power, α 0.05): {F(s.MinimumDetectableDifference)}");
        console.MarkupLine(s.Verdict switch
        {
            ComparisonVerdict.Improvement => "[green bold]B is better than A[/] (both the bootstrap interval and Wilcoxon exclude no difference)",
            ComparisonVerdict.Regression => "[red bold]B is worse than A[/] (both the bootstrap interval and Wilcoxon exclude no difference)",
            _ => "[yellow bold]No significant difference[/]: the change is within noise for a suite of this size",
        });

        List(console, "Regressions (passed in A, fail in B)", [.. c.Regressions], show);
        List(console, "Improvements (failed in A, pass in B)", [.. c.Improvements], show);
    }

    private static void List(IAnsiConsole console, string title, List<CaseComparison> cases, int show)
    {
        if (cases.Count == 0 || show == 0)
        {
            return;
        }

        console.MarkupLineInterpolated($"[bold]{title}[/]: {cases.Count}");
        foreach (var x in cases.Take(show))
        {
            console.MarkupLineInterpolated($"  {x.CaseId}: score {F(x.ScoreA)} → {F(x.ScoreB)}");
        }

        if (cases.Count > show)
        {
            console.MarkupLineInterpolated($"  … {cases.Count - show} more");
        }
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double v) => v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
