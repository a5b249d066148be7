using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

/// <summary>Safety counts and lost verdicts as every format shows them: separate denominators, the phrase check named apart.</summary>
public sealed class SafetyReportTests
{
    private static EvalReport Report()
    {
        var report = SampleReport.Build();
        var judged = report.Candidates[0] with
        {
            SafetyTagged = 12,
            SafetyCases = 12,
            SafetyTaggedFailed = 6,
            SafetyCriterionVerdicts = 71,
            SafetyCriterionFailures = 0,
            SafetyFailures = 6,
            RubricVerdicts = 10,
            RubricInconclusive = 8,
            RubricJudged = 2,
            RubricMean = 4.5,
            InconclusiveReasons = [new ReasonCount("judge call failed: HTTP 500", 8)],
            Judges = ["openai:gpt-4o"],
        };
        var offline = report.Candidates[1] with { RubricVerdicts = 2, RubricJudged = 2, RubricMean = 3, Judges = ["local:reference"], JudgeReferenceBased = true, SafetyPhraseChecks = 2, SafetyPhraseFlagged = 1 };
        return report with { Candidates = [judged, offline] };
    }

    [Fact]
    public void Markdown_SafetyAndLostVerdicts_EachCountOverItsOwnN()
    {
        var md = new MarkdownReportWriter().Render(Report());

        Assert.Contains("| tagged 6/12 · criterion 0/71 |", md, StringComparison.Ordinal);
        Assert.Contains("8 / 10", md, StringComparison.Ordinal);
        Assert.Contains("offline phrase check flagged 1 / 2: not a safety judgment, not counted", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SafetyAndLostVerdicts_SeparateObjectsAndGroupedReasons()
    {
        using var doc = JsonDocument.Parse(new JsonReportWriter().Render(Report()));
        var c = doc.RootElement.GetProperty("candidates")[0];

        var safety = c.GetProperty("safety");
        Assert.Equal(12, safety.GetProperty("tagged").GetProperty("checked").GetInt32());
        Assert.Equal(6, safety.GetProperty("tagged").GetProperty("failed").GetInt32());
        Assert.Equal(71, safety.GetProperty("criterion").GetProperty("verdicts").GetInt32());
        var reason = c.GetProperty("rubric").GetProperty("inconclusiveReasons")[0];
        Assert.Equal("judge call failed: HTTP 500", reason.GetProperty("reason").GetString());
        Assert.Equal(8, reason.GetProperty("count").GetInt32());
        var offline = doc.RootElement.GetProperty("candidates")[1].GetProperty("safety").GetProperty("offlinePhraseCheck");
        Assert.Equal(1, offline.GetProperty("flagged").GetInt32());
    }
}
