using System.Text.RegularExpressions;
using Shipgate.Risk;

namespace Shipgate.Tests.Risk;

public sealed class RiskHtmlTests
{
    [Fact]
    public void Render_Matrix_SixteenCellsOneMarkedHere()
    {
        var html = RiskHtml.Render(RiskMarkdownTests.HighModerate());

        Assert.StartsWith("<section id=\"risk\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Hallucination risk</h2>", html, StringComparison.Ordinal);
        Assert.Equal(16, Regex.Count(html, "<td class=\"cell"));
        var here = Assert.Single(Regex.Matches(html, "<td class=\"cell here\" data-severity=\"([a-z-]+)\" data-detection=\"([a-z-]+)\""));
        Assert.Equal("high", here.Groups[1].Value);
        Assert.Equal("moderate", here.Groups[2].Value);
    }

    [Fact]
    public void Render_Numbers_CarrySourceSpans()
    {
        var html = RiskHtml.Render(RiskMarkdownTests.HighModerate());

        Assert.Contains("<th>budget (max rate)</th><td class=\"num\">2.0%</td><td><span class=\"src\">(declared, shipgate.yaml risk.budget.max_rate)</span></td>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"src\">(measured, run {RiskFixtures.RunId})</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DataFromTheSpec_IsEscaped()
    {
        var html = RiskHtml.Render(RiskMarkdownTests.HighModerate(why: "<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_WholeDocument_SelfContained()
    {
        var html = RiskHtml.Page(RiskMarkdownTests.HighModerate());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>refunds: hallucination risk</title>", html, StringComparison.Ordinal);
        Assert.Contains("td.cell.here", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
    }
}
