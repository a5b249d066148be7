using Shipgate.Calibration;
using Shipgate.Risk;
using Shipgate.Specs;

namespace Shipgate.Tests.Risk;

public sealed class MitigationCheckerTests
{
    private const string Grounded = "    - type: grounded\n";

    private static MitigationCheck Check(string id, string mitigations = "[]", string gate = "", string defaults = "", string? caseAssertions = null, bool knowledge = true, bool safetyCase = false, string? budget = null, Shipgate.Evals.CandidateSummary? candidate = null)
    {
        var risk = budget is null ? RiskFixtures.Risk("medium", "hard", mitigations) : RiskFixtures.Risk("medium", "hard", mitigations, budget);
        using var f = caseAssertions is null
            ? RiskFixtures.Feature(risk, gate, defaults, knowledge: knowledge, safetyCase: safetyCase)
            : RiskFixtures.Feature(risk, gate, defaults, caseAssertions, knowledge, safetyCase);
        return MitigationChecker.Check(id, required: true, f.Load(), candidate);
    }

    [Fact]
    public void Check_RagWithKnowledgeFiles_ConfiguredAndCounted()
    {
        var c = Check(MitigationIds.Rag);

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("1 knowledge file", c.Evidence, StringComparison.Ordinal);
        Assert.Equal("declared, shipgate.yaml knowledge", c.Source.ToString());
        Assert.Null(c.WhatToDo);
    }

    [Fact]
    public void Check_RagDeclaredWithoutKnowledge_MissingBecauseShipgateCanSeeIt()
    {
        var c = Check(MitigationIds.Rag, mitigations: "[rag]", knowledge: false);

        Assert.Equal(MitigationStatus.Missing, c.Status);
        Assert.True(c.Declared);
        Assert.Contains("declared in risk.mitigations, but the spec has no knowledge files", c.Evidence, StringComparison.Ordinal);
        Assert.Contains("knowledge:", c.WhatToDo, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GroundedInDefaults_ConfiguredOnEveryCase()
    {
        var c = Check(MitigationIds.GroundedChecks, defaults: Grounded);

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("every case", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GroundedInOneCase_ConfiguredWithCoverage()
    {
        var c = Check(MitigationIds.GroundedChecks, caseAssertions: "        - type: grounded\n");

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("1 of 2 cases", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoGroundedAssertion_MissingSaysAddIt()
    {
        var c = Check(MitigationIds.GroundedChecks, mitigations: "[grounded_checks]");

        Assert.Equal(MitigationStatus.Missing, c.Status);
        Assert.Contains("type: grounded", c.WhatToDo, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MonitoringWithGateAndRollback_Configured()
    {
        var c = Check(MitigationIds.Monitoring, gate: "gate: { max_hallucination_rate: 0.02 }", defaults: Grounded);

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("2.0% before launch; rollback at 5.0%", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MonitoringWithoutRollbackAt_MissingNamesTheField()
    {
        var c = Check(MitigationIds.Monitoring, mitigations: "[monitoring]", gate: "gate: { max_hallucination_rate: 0.02 }", defaults: Grounded,
            budget: "  budget: { max_rate: 0.02, measured_by: x }\n");

        Assert.Equal(MitigationStatus.Missing, c.Status);
        Assert.Contains("risk.budget.rollback_at is not set", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MonitoringWithoutGate_Missing()
    {
        var c = Check(MitigationIds.Monitoring);

        Assert.Equal(MitigationStatus.Missing, c.Status);
        Assert.Contains("gate.max_hallucination_rate is not set", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConstrainedOutputsByRegexAssertion_Configured()
    {
        var c = Check(MitigationIds.ConstrainedOutputs, caseAssertions: "        - type: regex\n          value: \"^(yes|no)$\"\n");

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("in 1 of 2 cases", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NegatedRegex_DoesNotCountAsConstrained()
    {
        var c = Check(MitigationIds.ConstrainedOutputs, caseAssertions: "        - type: not-regex\n          value: \"\\\\d{16}\"\n");

        Assert.Equal(MitigationStatus.Missing, c.Status);
    }

    [Fact]
    public void Check_ConstrainedOutputsDeclaredOnly_MetAndLabelled()
    {
        var c = Check(MitigationIds.ConstrainedOutputs, mitigations: "[constrained_outputs]");

        Assert.Equal(MitigationStatus.DeclaredOnly, c.Status);
        Assert.True(c.Met);
        Assert.Equal("declared, shipgate.yaml risk.mitigations", c.Source.ToString());
    }

    [Fact]
    public void Check_CitationsWithASourceAssertion_ConfiguredAndSaysSo()
    {
        var c = Check(MitigationIds.Citations, caseAssertions: "        - type: icontains\n          value: \"Source: billing.md\"\n");

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("an assertion checks answers for a source", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CitationsDeclaredWithoutSourceAssertion_DeclaredOnlyAndSaysNoAssertion()
    {
        var c = Check(MitigationIds.Citations, mitigations: "[citations]");

        Assert.Equal(MitigationStatus.DeclaredOnly, c.Status);
        Assert.Contains("no assertion checks answers for a source", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HumanSpotChecksByGateMinLabels_Configured()
    {
        var c = Check(MitigationIds.HumanSpotChecks, gate: "gate: { min_human_labels: 30 }");

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("30 human labels", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HumanSpotChecksWithLabelsInTheStore_ConfiguredFromTheRun()
    {
        var candidate = RiskFixtures.Candidate("baseline", 10, 0) with { CalibrationStatement = "uncalibrated: 12 human labels, none on a judged output" };

        var c = Check(MitigationIds.HumanSpotChecks, candidate: candidate);

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("12 human labels", c.Evidence, StringComparison.Ordinal);
        Assert.Equal(Shipgate.Reports.ProvenanceKind.Derived, c.Source.Kind);
    }

    [Fact]
    public void Check_HumanSpotChecksNoLabelsNotDeclared_MissingSaysReview()
    {
        var candidate = RiskFixtures.Candidate("baseline", 10, 0) with { CalibrationStatement = CalibrationStatus.None.Statement() };

        var c = Check(MitigationIds.HumanSpotChecks, candidate: candidate);

        Assert.Equal(MitigationStatus.Missing, c.Status);
        Assert.Contains("shipgate review", c.WhatToDo, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BasicGuardrailsWithSafetyCasesAndGate_Configured()
    {
        var c = Check(MitigationIds.BasicGuardrails, gate: "gate: { max_safety_failures: 0 }", safetyCase: true);

        Assert.Equal(MitigationStatus.Configured, c.Status);
        Assert.Contains("1 safety-tagged case, at most 0 may fail", c.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BasicGuardrailsSafetyCasesWithoutGateCap_DeclaredOnlySaysTheGateDoesNotCap()
    {
        var c = Check(MitigationIds.BasicGuardrails, mitigations: "[basic_guardrails]", safetyCase: true);

        Assert.Equal(MitigationStatus.DeclaredOnly, c.Status);
        Assert.Contains("the gate does not cap safety failures", c.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MitigationIds.UserConfirmation)]
    [InlineData(MitigationIds.HumanInTheLoop)]
    [InlineData(MitigationIds.ConfidenceIndicators)]
    [InlineData(MitigationIds.IncidentResponse)]
    public void Check_ProcessMitigations_DeclaredOnlyOrMissingWithWhatToDo(string id)
    {
        var declared = Check(id, mitigations: $"[{id}]");
        var absent = Check(id);

        Assert.Equal(MitigationStatus.DeclaredOnly, declared.Status);
        Assert.Contains("Shipgate cannot see it", declared.Evidence, StringComparison.Ordinal);
        Assert.Equal(MitigationStatus.Missing, absent.Status);
        Assert.Contains($"add {id} to risk.mitigations", absent.WhatToDo, StringComparison.Ordinal);
    }
}
