using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Risk;

namespace Shipgate.Tests.Risk;

public sealed class RiskAssessorTests
{
    private const string Grounded = "    - type: grounded\n";
    private const string HallucinationGate = "gate: { max_hallucination_rate: 0.02 }";

    /// <summary>medium/hard needs rag, human_spot_checks, monitoring: knowledge + declared spot-checks + gate and rollback_at.</summary>
    private static RiskAssessment MediumHard(EvalReport report, string mitigations = "[human_spot_checks]", string? budget = null, string gate = HallucinationGate, string? candidate = null)
    {
        var risk = budget is null ? RiskFixtures.Risk("medium", "hard", mitigations) : RiskFixtures.Risk("medium", "hard", mitigations, budget);
        using var f = RiskFixtures.Feature(risk, gate, Grounded);
        return RiskAssessor.Assess(f.Load(), report, candidate);
    }

    [Fact]
    public void Assess_EverythingInPlaceAndBoundWithinBudget_Ready()
    {
        // 0 of 200: exact bound 1.49% ≤ 2%.
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)));

        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
        Assert.Equal(BudgetStatus.Within, a.Budget.Status);
        Assert.Equal(0.0149, a.Budget.UpperBound!.Value.Value, 4);
        Assert.All(a.Checks, c => Assert.True(c.Met));
        Assert.Contains("1.5% at 95% within the budget of 2.0%", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains("1 declared only", a.Readiness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_CleanButSmallSuite_NotReadyAndSaysHowManyCasesAreNeeded()
    {
        // 0 of 71: exact bound 4.1% > 2%; showing 2% takes 149 clean cases.
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 71, 0)));

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Equal(BudgetStatus.Unproven, a.Budget.Status);
        Assert.Equal(149, a.Budget.CasesNeeded!.Value.Value);
        Assert.Contains("the point estimate is within budget but the suite is too small to show it", a.Budget.Statement, StringComparison.Ordinal);
        Assert.Contains("need 149 checked cases with zero hallucinations", a.Budget.Statement, StringComparison.Ordinal);
        Assert.Contains(a.Budget.Statement, a.Readiness.Reasons);
    }

    [Fact]
    public void Assess_FewHallucinationsLargeSuite_WilsonUpperEndDecides()
    {
        // 2 of 1000: Wilson 95% upper end 0.73% ≤ 2%.
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 1000, 2)));

        Assert.Equal(BudgetStatus.Within, a.Budget.Status);
        Assert.True(a.Budget.UpperBound!.Value.Value < 0.008);
        Assert.Contains("Wilson", a.Budget.UpperBound.Value.Source.Detail, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
    }

    [Fact]
    public void Assess_RateBelowBudgetButBoundAbove_GivesBothCaseCounts()
    {
        // 1 of 100: rate 1% ≤ 2%, Wilson upper end 5.4% > 2%.
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 100, 1)));

        Assert.Equal(BudgetStatus.Unproven, a.Budget.Status);
        Assert.Equal(149, a.Budget.CasesNeeded!.Value.Value);
        Assert.NotNull(a.Budget.CasesNeededAtMeasuredRate);
        Assert.True(a.Budget.CasesNeededAtMeasuredRate.Value.Value > 149);
        Assert.Contains("at the measured rate of 1.0%", a.Budget.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RateOverBudget_ExceededAndNotReady()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 50, 3)));

        Assert.Equal(BudgetStatus.Exceeded, a.Budget.Status);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("over the hallucination budget", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains("6.0%", a.Budget.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_MissingRequiredMitigation_NotReadyNamesItAndWhatToDo()
    {
        // medium/hard without human_spot_checks declared and no labels.
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)), mitigations: "[]");

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("1 of 3 required mitigations missing", a.Readiness.Summary, StringComparison.Ordinal);
        var reason = Assert.Single(a.Readiness.Reasons);
        Assert.Contains("missing human spot-checks (human_spot_checks)", reason, StringComparison.Ordinal);
        Assert.Contains("shipgate review", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_CriticalSeverity_NotReadyEvenWithEveryMitigation()
    {
        using var f = RiskFixtures.Feature(
            RiskFixtures.Risk("critical", "easy", "[human_in_the_loop, citations, incident_response]"), HallucinationGate, Grounded);

        var a = RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", 500, 0)));

        Assert.All(a.Checks, c => Assert.True(c.Met, c.Mitigation.Id));
        Assert.Equal(BudgetStatus.Within, a.Budget.Status);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("reconsider whether AI is appropriate", a.Readiness.Reasons[0], StringComparison.Ordinal);
        Assert.True(a.Strategy!.ReconsiderAi);
    }

    [Fact]
    public void Assess_NoRiskSection_NotDeclaredSaysWhatToAdd()
    {
        using var f = RiskFixtures.Feature("", HallucinationGate, Grounded);

        var a = RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)));

        Assert.Equal(ReadinessStatus.NotDeclared, a.Readiness.Status);
        Assert.Contains("add a 'risk:' section", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Null(a.Strategy);
        Assert.Empty(a.Checks);
        Assert.Equal(200, a.Budget.Checked);
    }

    [Fact]
    public void Assess_NoBudget_NotReadyAndSaysAddIt()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)), budget: "", gate: "");

        Assert.Equal(BudgetStatus.NotDeclared, a.Budget.Status);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("add risk.budget", a.Budget.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NoGroundedVerdicts_NotMeasuredSaysAddTheAssertion()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 0, 0)));

        Assert.Equal(BudgetStatus.NotMeasured, a.Budget.Status);
        Assert.Null(a.Budget.Rate);
        Assert.Contains("type: grounded", a.Budget.Statement, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
    }

    [Fact]
    public void Assess_EveryNumber_CarriesItsSource()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 71, 0)));
        var b = a.Budget;

        Assert.Equal(Provenance.Declared("risk.budget.max_rate"), b.MaxRate!.Value.Source);
        Assert.Equal(Provenance.Declared("risk.budget.rollback_at"), b.RollbackAt!.Value.Source);
        Assert.Equal(Provenance.Measured(RiskFixtures.RunId), b.Rate!.Value.Source);
        Assert.Equal(ProvenanceKind.Derived, b.UpperBound!.Value.Source.Kind);
        Assert.Contains(RiskFixtures.RunId, b.UpperBound.Value.Source.Detail, StringComparison.Ordinal);
        Assert.Equal(ProvenanceKind.Derived, b.CasesNeeded!.Value.Source.Kind);
        Assert.Equal(ProvenanceKind.Derived, b.RollbackWindow!.Value.Source.Kind);
    }

    [Fact]
    public void Assess_RollbackAt_StatesTheTriggerWithWindowAndMethod()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)));

        Assert.Contains("roll back when the production hallucination rate exceeds 5.0% over a window of", a.Budget.RollbackTrigger, StringComparison.Ordinal);
        Assert.Contains("measured by: grounded on every case", a.Budget.RollbackTrigger, StringComparison.Ordinal);
        Assert.Equal(BudgetMath.RollbackWindow(0.02, 0.05), a.Budget.RollbackWindow!.Value.Value);
    }

    [Fact]
    public void Assess_DefaultCandidate_FirstThatShips()
    {
        var report = RiskFixtures.Report(RiskFixtures.Candidate("big", 200, 9, ship: false), RiskFixtures.Candidate("mini", 200, 0));

        var a = MediumHard(report);

        Assert.Equal("mini", a.CandidateId);
    }

    [Fact]
    public void Assess_NoneShips_FirstCandidate()
    {
        var report = RiskFixtures.Report(RiskFixtures.Candidate("big", 200, 9, ship: false), RiskFixtures.Candidate("mini", 200, 0, ship: false));

        Assert.Equal("big", MediumHard(report).CandidateId);
    }

    [Fact]
    public void Assess_ChosenCandidate_UsesItsRate()
    {
        var report = RiskFixtures.Report(RiskFixtures.Candidate("big", 200, 9), RiskFixtures.Candidate("mini", 200, 0));

        var a = MediumHard(report, candidate: "mini");

        Assert.Equal("mini", a.CandidateId);
        Assert.Equal(0, a.Budget.Hallucinated);
    }

    [Fact]
    public void Assess_UnknownCandidate_UsageErrorWithSuggestion()
    {
        var report = RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0));

        var e = Assert.Throws<EvalUsageException>(() => MediumHard(report, candidate: "minii"));

        Assert.Contains("did you mean 'mini'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ApproximateJudgeAndStandIn_LabelledInWarningsAndStatement()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("baseline", 200, 0, approximate: true, offline: true)));

        Assert.True(a.Budget.Approximate);
        Assert.Contains("approximate, embedding-based", a.Budget.Statement, StringComparison.Ordinal);
        Assert.Contains(a.Warnings, w => w.Contains("offline stand-in", StringComparison.Ordinal));
        Assert.Contains(a.Warnings, w => w.Contains("approximate, embedding-based", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_GateLooserThanBudget_Warns()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)), gate: "gate: { max_hallucination_rate: 0.05 }");

        Assert.Contains(a.Warnings, w => w.Contains("gate.max_hallucination_rate (5.0%) is looser than risk.budget.max_rate (2.0%)", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_ExtraDeclaredMitigation_CheckedButNeverBlocking()
    {
        var a = MediumHard(RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)), mitigations: "[human_spot_checks, constrained_outputs]");

        var extra = Assert.Single(a.ExtraMitigations);
        Assert.Equal("constrained_outputs", extra.Mitigation.Id);
        Assert.False(extra.Required);
        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
    }

    [Fact]
    public void Assess_NearImpossibleDetection_CautionInWarnings()
    {
        using var f = RiskFixtures.Feature(RiskFixtures.Risk("low", "near-impossible", "[basic_guardrails, confidence_indicators, human_spot_checks]"), HallucinationGate, Grounded);

        var a = RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", 200, 0)));

        Assert.Contains(a.Warnings, w => w.Contains("may not be suitable for AI", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
    }
}
