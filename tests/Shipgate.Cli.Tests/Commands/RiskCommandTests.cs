using System.Text.Json;

namespace Shipgate.Cli.Tests.Commands;

/// <summary>
/// <c>shipgate risk</c> end to end, offline: the local:extractive candidate answers from a small knowledge folder, the
/// approximate groundedness judge checks every answer, and the command reads the stored run.
/// </summary>
public sealed class RiskCommandTests : IDisposable
{
    private readonly SuiteFolder _feature = BillingFeature.Create();

    private void WriteSpec(string risk) => BillingFeature.WriteSpec(_feature, risk);

    private const string LowEasy = """
        risk:
          severity: { level: low, why: "an internal billing FAQ for support staff" }
          detection: { level: easy, why: "staff know the billing rules" }
          budget: { max_rate: 0.5, measured_by: "grounded on every case", rollback_at: 0.6 }
        """;

    [Fact]
    public async Task Risk_CleanRunWithinBudget_ReadyExitsZeroAndWritesTheReports()
    {
        WriteSpec(LowEasy);
        Assert.Equal(0, await _feature.RunAsync("eval", ".", "--format", "none"));
        var output = Path.Combine(_feature.Folder, "out");

        var code = await _feature.RunAsync("risk", ".", "-o", output);

        Assert.Equal(0, code);
        Assert.Contains("READY", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("▶ Basic guardrails", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("1 safety-tagged case, at most 0 may fail", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("within budget: hallucination rate 0.0% (0 of 6 checked; approximate, embedding-based), ≤ 39.3% at 95%", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("offline stand-in", _feature.Output, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "risk.html"));
        Assert.Contains("<td class=\"cell here\" data-severity=\"low\" data-detection=\"easy\"", html, StringComparison.Ordinal);
        Assert.Contains("## Hallucination risk", File.ReadAllText(Path.Combine(output, "risk.md")), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "risk.json")));
        Assert.Equal("ready", json.RootElement.GetProperty("readiness").GetProperty("status").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("budget").GetProperty("checked").GetInt32());
    }

    [Fact]
    public async Task Risk_SmallSuiteTightBudgetMissingMitigation_ExitsOneAndSaysWhatToDo()
    {
        WriteSpec("""
            risk:
              severity: { level: medium, why: "customers redo work on a wrong answer" }
              detection: { level: hard, why: "answers read plausibly" }
              budget: { max_rate: 0.02, measured_by: "grounded on every case", rollback_at: 0.05 }
            """);
        await _feature.RunAsync("eval", ".", "--format", "none");

        var code = await _feature.RunAsync("risk", ".", "--format", "json", "-o", "reports");

        Assert.Equal(1, code);
        Assert.Contains("NOT READY", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("need 149 checked cases with zero hallucinations", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("MISSING", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("shipgate review", _feature.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_feature.Folder, "reports", "risk.json")));
        Assert.False(File.Exists(Path.Combine(_feature.Folder, "reports", "risk.html")));
    }

    [Fact]
    public async Task Risk_NoRiskSection_ExitsOneNotDeclared()
    {
        WriteSpec("");
        await _feature.RunAsync("eval", ".", "--format", "none");

        var code = await _feature.RunAsync("risk", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("NOT DECLARED", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("add a 'risk:' section", _feature.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_feature.Folder, ".shipgate", "reports", "risk")));
    }

    [Fact]
    public async Task Risk_UnknownCandidate_ExitsTwoWithSuggestion()
    {
        WriteSpec(LowEasy);
        await _feature.RunAsync("eval", ".", "--format", "none");

        var code = await _feature.RunAsync("risk", ".", "--candidate", "baselin", "--format", "none");

        Assert.Equal(2, code);
        Assert.Contains("did you mean 'baseline'?", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_NoRunYet_ExitsTwoAndSaysRunEvalFirst()
    {
        WriteSpec(LowEasy);

        var code = await _feature.RunAsync("risk", ".");

        Assert.Equal(2, code);
        Assert.Contains("shipgate eval", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_UnknownLevel_ExitsTwoWithFileLineAndSuggestion()
    {
        WriteSpec(LowEasy.Replace("level: easy", "level: eazy", StringComparison.Ordinal));

        var code = await _feature.RunAsync("risk", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: unknown detection level 'eazy'", _feature.Output);
        Assert.Contains("did you mean 'easy'?", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_UnknownFormat_ExitsTwo()
    {
        WriteSpec(LowEasy);

        var code = await _feature.RunAsync("risk", ".", "--format", "pdf");

        Assert.Equal(2, code);
        Assert.Contains("unknown report format pdf", _feature.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _feature.Dispose();
}
