using Shipgate.Risk;

namespace Shipgate.Tests.Risk;

public sealed class RiskMarkdownTests
{
    internal static RiskAssessment HighModerate(string why = "customers act on it", int checkedCount = 71)
    {
        var risk = RiskFixtures.Risk("high", "moderate", "[constrained_outputs, user_confirmation, citations]").Replace("customers act on it", why, StringComparison.Ordinal);
        using var f = RiskFixtures.Feature(risk, "gate: { max_hallucination_rate: 0.02 }", "    - type: grounded\n");
        return RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", checkedCount, 0)));
    }

    [Fact]
    public void Render_Section_StartsWithTheHeadingAndVerdict()
    {
        var md = RiskMarkdown.Render(HighModerate());

        Assert.StartsWith("## Hallucination risk\n\n**NOT READY** - ", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Matrix_MarksOnlyTheFeaturesCell()
    {
        var md = RiskMarkdown.Render(HighModerate());

        var row = md.Split('\n').Single(l => l.StartsWith("| **high** |", StringComparison.Ordinal));
        Assert.Contains("**▶ RAG + constrained outputs + user confirmation + citations + grounded checks** (this feature)", row, StringComparison.Ordinal);
        Assert.Single(md.Split('\n'), l => l.Contains("(this feature)", StringComparison.Ordinal));
        Assert.Equal(4, md.Split('\n').Count(l => l.StartsWith("| **", StringComparison.Ordinal) && l.Contains("** |", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_BudgetRows_EachWithItsSource()
    {
        var md = RiskMarkdown.Render(HighModerate());

        Assert.Contains("| budget (max rate) | 2.0% | declared, shipgate.yaml risk.budget.max_rate |", md, StringComparison.Ordinal);
        Assert.Contains($"| measured rate | 0.0% [0.0%, 5.1%] (two-sided 95% Wilson) (0 of 71 checked) | measured, run {RiskFixtures.RunId} |", md, StringComparison.Ordinal);
        Assert.Contains("| 95% upper bound | 4.1% | derived, exact one-sided 95% bound after 0 of 71", md, StringComparison.Ordinal);
        Assert.Contains("| checked cases needed (zero hallucinations) | 149 | derived,", md, StringComparison.Ordinal);
        Assert.Contains("Rollback trigger: roll back when the production hallucination rate exceeds 5.0%", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Mitigations_StatusAndHowWeKnow()
    {
        var md = RiskMarkdown.Render(HighModerate());

        Assert.Contains("| RAG (`rag`) | yes | met (configuration) | 1 knowledge file the answers are grounded in | declared, shipgate.yaml knowledge |", md, StringComparison.Ordinal);
        Assert.Contains("| user confirmation (`user_confirmation`) | yes | met (declared only) |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipesInTheReason_StayInsideTheCell()
    {
        var md = RiskMarkdown.Render(HighModerate(why: "refunds | credits <b>"));

        Assert.Contains("refunds \\| credits &lt;b>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingMitigation_AddsWhatToDo()
    {
        using var f = RiskFixtures.Feature(RiskFixtures.Risk("high", "easy", "[constrained_outputs]"), "gate: { max_hallucination_rate: 0.02 }", "    - type: grounded\n");
        var a = RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)));

        var md = RiskMarkdown.Render(a);

        Assert.Contains("| mitigation | required | status | how we know | source | what to do |", md, StringComparison.Ordinal);
        Assert.Contains("| user confirmation (`user_confirmation`) | yes | MISSING |", md, StringComparison.Ordinal);
        Assert.Contains("have the user confirm before acting on an answer", md, StringComparison.Ordinal);
    }
}
