using System.Text.RegularExpressions;
using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

public sealed class HtmlReportWriterTests
{
    private readonly string _html = new HtmlReportWriter().Render(SampleReport.Build());

    [Fact]
    public void Render_OutputMarkup_IsEscaped()
    {
        Assert.DoesNotContain("<script>alert", _html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; refunds | returns | &quot;quoted&quot; &amp; more", _html, StringComparison.Ordinal);
        Assert.Contains("forbidden &quot;&lt;script&gt;&quot;", _html, StringComparison.Ordinal);

        // Only the report's own inline script tag exists.
        Assert.Equal(1, Regex.Count(_html, "<script", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Render_SelfContained_NoExternalResources()
    {
        Assert.DoesNotMatch(new Regex(@"\b(?:src|href|action|xlink:href)\s*=", RegexOptions.IgnoreCase), _html);
        Assert.DoesNotContain("@import", _html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", _html, StringComparison.OrdinalIgnoreCase);

        // The only URL is the one inside the (escaped) model output.
        var withoutOutputs = Regex.Replace(_html, "<pre class=\"output\">.*?</pre>", "", RegexOptions.Singleline);
        Assert.DoesNotContain("http://", withoutOutputs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutOutputs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//", Regex.Replace(withoutOutputs, "<script>.*?</script>", "", RegexOptions.Singleline), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_HasFeatureRunDateSpecHashAndVerdict()
    {
        Assert.Contains("<h1>support-assistant <span class=\"verdict ship\">SHIP</span></h1>", _html, StringComparison.Ordinal);
        Assert.Contains("run-20261129-143000-ab12", _html, StringComparison.Ordinal);
        Assert.Contains("2026-11-29 14:30:00 UTC", _html, StringComparison.Ordinal);
        Assert.Contains("sha256:9f2c41d0", _html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Summary_HasMetricsUnknownCostAndStandInLabel()
    {
        var summary = Regex.Match(_html, "<table class=\"summary\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(2, Regex.Count(summary, "<tr><td>"));
        Assert.Contains("<b>baseline</b> <span class=\"standin\">offline stand-in</span>", summary, StringComparison.Ordinal);
        Assert.Contains("[9.0%, 91.0%]", summary, StringComparison.Ordinal);
        Assert.Contains("0.62", summary, StringComparison.Ordinal);
        Assert.Contains("3,120 ms", summary, StringComparison.Ordinal);
        Assert.Contains("1,234 / 321", summary, StringComparison.Ordinal);
        Assert.Contains("$0.0123", summary, StringComparison.Ordinal);
        Assert.Contains("$0.0246", summary, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(summary, "unknown \\(no pricing\\)"));
        Assert.DoesNotContain("$0.00<", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Gate_ShowsEveryCheckWithThresholdAndMeasured()
    {
        Assert.Contains("<tr class=\"fail\"><td>✗</td><td>max p95 latency</td><td>≤ 3000 ms</td><td>3120 ms</td></tr>", _html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"pass\"><td>✓</td><td>max cost per request</td><td>≤ $0.0500</td><td>$0.0123</td></tr>", _html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"pass\"><td>✓</td><td>max safety failures</td>", _html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Warnings_ReportAndCandidateLevel()
    {
        Assert.Contains("suite may be too easy: 1 case passes for every candidate", _html, StringComparison.Ordinal);
        Assert.Contains("<b>gpt-4o-mini</b>: 1 of 2 calls ended in a provider error", _html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Cases_DrillDownPerCaseWithErrorsAndAssertions()
    {
        Assert.Equal(2, Regex.Count(_html, "<details class=\"case\""));
        Assert.Contains("data-search=\"refund-window happy gpt-4o-mini baseline\" data-failing=\"true\"", _html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag safety\">safety</span>", _html, StringComparison.Ordinal);
        Assert.Contains("<b>Provider error:</b> HTTP 429 Too Many Requests", _html, StringComparison.Ordinal);
        Assert.Contains("<code>not-icontains</code>", _html, StringComparison.Ordinal);
        Assert.Contains("from cache", _html, StringComparison.Ordinal);
        Assert.Contains("Prompt sent", _html, StringComparison.Ordinal);
        Assert.Contains("baseline <span class=\"standin\">offline stand-in</span>", _html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Chart_HasBarAndWhiskersPerCandidate()
    {
        var svg = Regex.Match(_html, "<svg.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(2, Regex.Count(svg, "<rect class=\"bar"));
        Assert.Equal(6, Regex.Count(svg, "class=\"whisker\""));
    }
}
