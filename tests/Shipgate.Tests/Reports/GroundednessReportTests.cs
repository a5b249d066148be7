using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

/// <summary>The hallucination rate in every format, with its interval and the offline label.</summary>
public sealed class GroundednessReportTests
{
    private const string Line = "hallucination rate 4.2% [1.4%, 11.7%] (3 of 71; approximate, embedding-based)";

    private static EvalReport Grounded()
    {
        var report = SampleReport.Build();
        var c = report.Candidates[0] with
        {
            GroundednessChecked = 71,
            Hallucinated = 3,
            HallucinationRate = 3 / 71.0,
            HallucinationRateCi = new Interval(0.014473, 0.117024),
            GroundednessApproximate = true,
        };
        return report with { Candidates = [c, .. report.Candidates.Skip(1)] };
    }

    [Fact]
    public void Markdown_GroundedReport_ShowsRateWithIntervalAndLabel()
    {
        var md = new MarkdownReportWriter().Render(Grounded());

        Assert.Contains("## Groundedness", md, StringComparison.Ordinal);
        Assert.Contains(Line, md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_GroundedReport_ShowsRateWithIntervalAndLabel()
    {
        var html = new HtmlReportWriter().Render(Grounded());

        Assert.Contains("<h3>Groundedness</h3>", html, StringComparison.Ordinal);
        Assert.Contains(Line, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_GroundedReport_HasGroundednessBlock()
    {
        using var doc = JsonDocument.Parse(new JsonReportWriter().Render(Grounded()));

        var candidates = doc.RootElement.GetProperty("candidates");
        var g = candidates[0].GetProperty("groundedness");
        Assert.Equal(71, g.GetProperty("checked").GetInt32());
        Assert.Equal(3, g.GetProperty("hallucinated").GetInt32());
        Assert.Equal(0.117024, g.GetProperty("hallucinationRateCi").GetProperty("high").GetDouble(), 6);
        Assert.True(g.GetProperty("approximate").GetBoolean());
        Assert.Equal(Line, g.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, candidates[1].GetProperty("groundedness").ValueKind);
    }
}
