using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Runs;

namespace Shipgate.Tests.Reports;

/// <summary>Rubric figures in every format: mean with CI, inconclusive count, judge cost apart, and the plain caveats.</summary>
public sealed class RubricReportTests
{
    private static EvalReport Judged()
    {
        var report = SampleReport.Build();
        var judged = report.Candidates[0] with
        {
            RubricJudged = 1,
            RubricMean = 4.25,
            RubricMeanCi = new Interval(3.5, 4.75),
            RubricVerdicts = 2,
            RubricInconclusive = 1,
            SafetyCriterionFailures = 0,
            Judges = ["openai:gpt-4o"],
            JudgeInputTokens = 900,
            JudgeOutputTokens = 80,
            JudgeCostUsd = 0.0031m,
        };
        var offline = report.Candidates[1] with
        {
            RubricJudged = 2,
            RubricMean = 3.0,
            RubricMeanCi = new Interval(2.0, 4.0),
            RubricVerdicts = 2,
            Judges = ["local:reference"],
            JudgeReferenceBased = true,
            JudgeCostUsd = 0m,
        };
        var inconclusive = new AssertionOutcome("rubric", false, 0, "inconclusive (openai:gpt-4o): the reply is not valid JSON; never counted as a pass")
        {
            Inconclusive = true,
            Judge = new JudgeVerdict { JudgeId = "openai:gpt-4o", Inconclusive = true, Raw = "<b>I would give it a 5</b>", Attempts = 2 },
        };
        var results = report.Results.ToList();
        results[0] = results[0] with { Assertions = [.. results[0].Assertions, inconclusive] };
        return report with { Candidates = [judged, offline], Results = results };
    }

    [Fact]
    public void Markdown_JudgedReport_ShowsRubricMeanWithCiAndCaveats()
    {
        var md = new MarkdownReportWriter().Render(Judged());

        Assert.Contains("## Rubric (judged 1-5)", md, StringComparison.Ordinal);
        Assert.Contains("| 4.25 [3.50, 4.75] | 1 | 1 / 2 |", md, StringComparison.Ordinal);
        Assert.Contains("local:reference (reference-based, offline)", md, StringComparison.Ordinal);
        Assert.Contains("uncalibrated: no human labels", md, StringComparison.Ordinal);
        Assert.Contains("$0.0031", md, StringComparison.Ordinal);
        Assert.Contains("Judge cost is not part of the candidates' cost", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_JudgedReport_ShowsRubricTableAndEscapedRawReply()
    {
        var html = new HtmlReportWriter().Render(Judged());

        Assert.Contains("<h3>Rubric (judged 1-5)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("[3.50, 4.75]", html, StringComparison.Ordinal);
        Assert.Contains("reference-based, offline", html, StringComparison.Ordinal);
        Assert.Contains("uncalibrated: no human labels", html, StringComparison.Ordinal);
        Assert.Contains("<b>inconclusive</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;I would give it a 5&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>I would give it a 5</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_JudgedReport_HasRubricBlockAndVerdictPerAssertion()
    {
        using var doc = JsonDocument.Parse(new JsonReportWriter().Render(Judged()));

        var rubric = doc.RootElement.GetProperty("candidates")[0].GetProperty("rubric");
        Assert.Equal(4.25, rubric.GetProperty("mean").GetDouble());
        Assert.Equal(3.5, rubric.GetProperty("meanCi").GetProperty("low").GetDouble());
        Assert.Equal(1, rubric.GetProperty("inconclusive").GetInt32());
        Assert.Equal(0.0031m, rubric.GetProperty("judgeCostUsd").GetDecimal());
        Assert.False(rubric.GetProperty("calibrated").GetBoolean());
        Assert.Equal(0.0246m, doc.RootElement.GetProperty("candidates")[0].GetProperty("totalCostUsd").GetDecimal());

        var judged = doc.RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(r => r.GetProperty("assertions").EnumerateArray())
            .Single(a => a.GetProperty("type").GetString() == "rubric");
        Assert.True(judged.GetProperty("inconclusive").GetBoolean());
        Assert.Equal("<b>I would give it a 5</b>", judged.GetProperty("judge").GetProperty("raw").GetString());
        Assert.Equal(2, judged.GetProperty("judge").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public void Json_UnjudgedReport_RubricIsNull()
    {
        using var doc = JsonDocument.Parse(new JsonReportWriter().Render(SampleReport.Build()));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("candidates")[0].GetProperty("rubric").ValueKind);
    }

    [Theory]
    [InlineData("offline", true, "judge: offline (includes reference-based, offline verdicts) · uncalibrated: no human labels ('shipgate review' or 'shipgate labels import')")]
    [InlineData("local:reference + openai:gpt-4o", true, "judge: local:reference + openai:gpt-4o (reference-based, offline) · uncalibrated: no human labels ('shipgate review' or 'shipgate labels import')")]
    [InlineData("openai:gpt-4o", false, "judge: openai:gpt-4o · uncalibrated: no human labels ('shipgate review' or 'shipgate labels import')")]
    public void JudgeLabel_AnyJudge_SaysReferenceBasedAndUncalibratedPlainly(string judge, bool referenceBased, string expected)
    {
        var c = SampleReport.Build().Candidates[0] with { Judges = [judge], JudgeReferenceBased = referenceBased, RubricVerdicts = 1 };

        Assert.Equal(expected, ReportText.JudgeLabel(c));
    }
}
