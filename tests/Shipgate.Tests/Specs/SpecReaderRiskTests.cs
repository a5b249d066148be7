using System.Text.Json;
using Json.Schema;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderRiskTests
{
    private const string Head = SpecHead.Lines + """
        suite:
          cases:
            - id: c1
              vars: { question: hi }
              assertions:
                - type: grounded

        """;

    private const string FullRisk = """
        risk:
          severity: { level: high, why: "customers act on refund answers" }
          detection: { level: near-impossible, why: "wrong windows look right" }
          budget:
            max_rate: 0.02
            measured_by: "grounded assertion on every case"
            rollback_at: 0.05
          mitigations: [rag, citations, human_in_the_loop]

        """;

    private static TempFeature Feature(string risk) => new TempFeature().Write("shipgate.yaml", Head + risk);

    [Fact]
    public void Load_FullRiskSection_ReadsEveryField()
    {
        using var f = Feature(FullRisk);

        var risk = f.Load().Risk;

        Assert.NotNull(risk);
        Assert.Equal(RiskSeverity.High, risk.Severity.Level);
        Assert.Equal("customers act on refund answers", risk.Severity.Why);
        Assert.Equal(RiskDetection.NearImpossible, risk.Detection.Level);
        Assert.Equal("wrong windows look right", risk.Detection.Why);
        Assert.Equal(0.02, risk.Budget!.MaxRate);
        Assert.Equal("grounded assertion on every case", risk.Budget.MeasuredBy);
        Assert.Equal(0.05, risk.Budget.RollbackAt);
        Assert.Equal(["rag", "citations", "human_in_the_loop"], risk.Mitigations);
        Assert.Equal(17, risk.Location.Line);
    }

    [Fact]
    public void Load_NoRiskSection_RiskIsNull()
    {
        using var f = Feature("");

        Assert.Null(f.Load().Risk);
    }

    [Fact]
    public void Load_BudgetAndMitigationsOmitted_AreOptional()
    {
        using var f = Feature("risk:\n  severity: { level: low, why: internal tool }\n  detection: { level: easy, why: obvious }\n");

        var risk = f.Load().Risk!;

        Assert.Null(risk.Budget);
        Assert.Empty(risk.Mitigations);
    }

    [Theory]
    [InlineData("severity: { level: hgh, why: x }", "unknown severity level 'hgh'", "did you mean 'high'?")]
    [InlineData("severity: { level: severe, why: x }", "unknown severity level 'severe'", "levels: low, medium, high, critical")]
    [InlineData("detection: { level: near impossible, why: x }", "unknown detection level 'near impossible'", "did you mean 'near-impossible'?")]
    public void Load_UnknownLevel_ErrorAtTheLevelWithSuggestion(string line, string message, string hint)
    {
        var risk = "risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n";
        risk = line.StartsWith("severity", StringComparison.Ordinal)
            ? risk.Replace("severity: { level: high, why: a }", line, StringComparison.Ordinal)
            : risk.Replace("detection: { level: easy, why: b }", line, StringComparison.Ordinal);
        using var f = Feature(risk);

        var e = f.SingleError();

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(hint, e.Hint);
        Assert.Equal("shipgate.yaml", e.Location.File);
        Assert.Equal(line.StartsWith("severity", StringComparison.Ordinal) ? 17 : 18, e.Location.Line);
    }

    [Fact]
    public void Load_UnknownMitigation_DidYouMean()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  mitigations: [rag, human_spotchecks]\n");

        var e = f.SingleError();

        Assert.Contains("unknown mitigation 'human_spotchecks'", e.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'human_spot_checks'?", e.Hint);
        Assert.Equal(19, e.Location.Line);
    }

    [Fact]
    public void Load_MitigationFarFromAnyKnown_ListsTheVocabulary()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  mitigations: [prayer]\n");

        var e = f.SingleError();

        Assert.Contains("known mitigations: basic_guardrails, confidence_indicators, rag", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateMitigation_Error()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  mitigations: [rag, rag]\n");

        Assert.Contains("listed twice", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeverityAsBareLevel_AsksForTheReason()
    {
        using var f = Feature("risk:\n  severity: high\n  detection: { level: easy, why: b }\n");

        var e = f.SingleError();

        Assert.Contains("'risk.severity' needs a one-line reason", e.Message, StringComparison.Ordinal);
        Assert.Contains("level: high, why:", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RatingWithoutWhy_MissingKey()
    {
        using var f = Feature("risk:\n  severity: { level: high }\n  detection: { level: easy, why: b }\n");

        var e = f.SingleError();

        Assert.Contains("missing required key 'why' in 'risk.severity'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyWhy_SaysWhatToWrite()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: \"  \" }\n  detection: { level: easy, why: b }\n");

        var e = f.SingleError();

        Assert.Contains("'risk.severity.why' is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MultiLineWhy_MustBeOneLine()
    {
        using var f = Feature("risk:\n  severity:\n    level: high\n    why: |\n      first line\n      second line\n  detection: { level: easy, why: b }\n");

        Assert.Contains("must be one line", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingDetection_SaysHowToRateIt()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: a }\n");

        var e = f.SingleError();

        Assert.Contains("missing required key 'detection' in 'risk'", e.Message, StringComparison.Ordinal);
        Assert.Contains("near-impossible", e.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_rate: 1.5\n    measured_by: x", "'risk.budget.max_rate' must be between 0 and 1")]
    [InlineData("max_rate: 0.05\n    measured_by: x\n    rollback_at: 0.02", "'risk.budget.rollback_at' (0.02) is below 'risk.budget.max_rate' (0.05)")]
    [InlineData("max_rate: 0.05", "missing required key 'measured_by' in 'risk.budget'")]
    [InlineData("measured_by: x", "missing required key 'max_rate' in 'risk.budget'")]
    [InlineData("max_rate: 0.05\n    measured_by: x\n    rollback: 0.1", "unknown key 'rollback' in 'risk.budget'")]
    public void Load_BadBudget_ErrorNamesTheField(string budget, string message)
    {
        using var f = Feature($"risk:\n  severity: {{ level: high, why: a }}\n  detection: {{ level: easy, why: b }}\n  budget:\n    {budget}\n");

        Assert.Contains(message, f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInRisk_DidYouMean()
    {
        using var f = Feature("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  mitigation: [rag]\n");

        var e = f.SingleError();

        Assert.Contains("unknown key 'mitigation' in 'risk'", e.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'mitigations'?", e.Hint);
    }

    [Fact]
    public void Schema_FullRiskSection_IsValid()
    {
        var result = Validate(Head + FullRisk);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("risk:\n  severity: { level: hgh, why: a }\n  detection: { level: easy, why: b }\n")]
    [InlineData("risk:\n  severity: { level: high }\n  detection: { level: easy, why: b }\n")]
    [InlineData("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  mitigations: [prayer]\n")]
    [InlineData("risk:\n  severity: { level: high, why: a }\n  detection: { level: easy, why: b }\n  budget: { max_rate: 2, measured_by: x }\n")]
    [InlineData("risk:\n  severity: { level: high, why: a }\n")]
    public void Schema_BrokenRiskSection_IsInvalid(string risk)
    {
        Assert.False(Validate(Head + risk).IsValid);
    }

    private static EvaluationResults Validate(string yaml)
    {
        var errors = new List<SpecError>();
        var node = YamlTreeReader.Read(yaml, "doc.yaml", errors, out var failed);
        Assert.False(failed, string.Join("\n", errors));
        var json = CaseReader.ToJson(node!)!.ToJsonString();
        var schema = JsonSchema.FromText(SpecSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var doc = JsonDocument.Parse(json);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
