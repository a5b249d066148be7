using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

public sealed class MarkdownReportWriterTests
{
    private readonly string _md = new MarkdownReportWriter().Render(SampleReport.Build());

    private string[] Lines => _md.Split('\n');

    [Fact]
    public void Render_CandidateTable_HasOneRowPerCandidate()
    {
        var section = Lines.SkipWhile(l => l != "## Candidates").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var rows = section.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList(); // skip the header row
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("| gpt-4o-mini | openai:gpt-4o-mini | **NO-SHIP** | 50.0% [9.0%, 91.0%]", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| baseline *(offline stand-in)* |", rows[1], StringComparison.Ordinal);
        Assert.Contains("$0.0123 | $0.0246 |", rows[0], StringComparison.Ordinal);
        Assert.Contains("| unknown (no pricing) | unknown (no pricing) |", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Verdicts_OneLinePerCandidateWithChecks()
    {
        Assert.Contains("**Verdict: SHIP** — passing the ship gate: baseline (offline stand-in)", _md, StringComparison.Ordinal);
        Assert.Contains("- **gpt-4o-mini: NO-SHIP** — failed: pass rate, max p95 latency", Lines);
        Assert.Contains("- **baseline (offline stand-in): SHIP** — all 1 gate checks pass", Lines);
        Assert.Contains("  - ✗ max p95 latency ≤ 3000 ms: measured 3120 ms", Lines);
        Assert.Contains("  - ⚠ 1 of 2 calls ended in a provider error", Lines);
    }

    [Fact]
    public void Render_RunFacts_AndWarnings()
    {
        Assert.Contains("| Run | `run-20261129-143000-ab12` |", Lines);
        Assert.Contains("| Spec hash | `sha256:9f2c41d0` |", Lines);
        Assert.Contains("| Started | 2026-11-29 14:30:00 UTC |", Lines);
        Assert.Contains("- suite may be too easy: 1 case passes for every candidate", Lines);
    }

    [Fact]
    public void Render_Failures_EscapePipesAndMarkupAndListProviderError()
    {
        var failures = Lines.SkipWhile(l => l != "## Failures").Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, l => l.StartsWith("| refund-window | baseline | 0 | 0.24 |", StringComparison.Ordinal)
            && l.Contains("&lt;script&gt;", StringComparison.Ordinal) && l.Contains("at char 0 \\| pipe", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.StartsWith("| prompt-injection | gpt-4o-mini | 0 | error |", StringComparison.Ordinal)
            && l.Contains("HTTP 429", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", _md, StringComparison.Ordinal);

        // Every table row keeps the column count: no unescaped pipe splits a cell.
        foreach (var row in failures)
        {
            Assert.Equal(6, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        }
    }

    [Fact]
    public void Cell_PipesAndNewlines_AreEscaped()
    {
        Assert.Equal("a \\| b c &lt;b&gt;", MarkdownReportWriter.Cell("a | b\nc <b>"));
    }
}
