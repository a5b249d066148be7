using System.Text.Json;

namespace Shipgate.Cli.Tests.Commands;

/// <summary>
/// <c>shipgate launch</c> end to end, offline: a local:extractive candidate answers from a small knowledge folder, the
/// approximate groundedness judge checks each answer, and launch runs (or reuses) the eval and writes one report.
/// </summary>
public sealed class LaunchCommandTests : IDisposable
{
    private const string Decisions = """
        selection:
          requirements:
            quality: { weight: 4, metric: pass_rate, min: 0.5, hard: true }
            cost: { weight: 2, max_per_request: 0.01 }
        economics:
          traffic: { users: 1000, requests_per_user_per_day: 2 }
          revenue_per_user_per_month: 10
        risk:
          severity: { level: low, why: "an internal billing FAQ for support staff" }
          detection: { level: easy, why: "staff know the billing rules" }
          budget: { max_rate: 0.5, measured_by: "grounded on every case", rollback_at: 0.6 }
          mitigations: [basic_guardrails]
        """;

    private readonly SuiteFolder _feature = BillingFeature.Create();

    private void WriteSpec(string sections, string pricing = "pricing: { input: 0.15, output: 0.60 }") => BillingFeature.WriteSpec(_feature, sections, pricing);

    [Fact]
    public async Task Launch_NoRunYet_RunsTheEvalAndEveryPartIsReady()
    {
        WriteSpec(Decisions);
        var output = Path.Combine(_feature.Folder, "out");

        var code = await _feature.RunAsync("launch", ".", "-o", output);

        Assert.True(code == 0, _feature.Output);
        Assert.Contains("no completed run of the current spec: running the eval first", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("SHIP: every part is ready", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("baseline is an offline stand-in", _feature.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "launch.json")));
        var parts = json.RootElement.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["Eval gate", "Model selection", "Unit economics", "Hallucination risk", "Rollout plan"], parts.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parts, p => Assert.Equal("READY", p.GetProperty("status").GetString()));
        Assert.Equal("SHIP", json.RootElement.GetProperty("verdict").GetString());

        var md = File.ReadAllText(Path.Combine(output, "launch.md"));
        Assert.Contains("## Model selection", md, StringComparison.Ordinal);
        Assert.Contains("## Unit economics", md, StringComparison.Ordinal);
        Assert.Contains("## Hallucination risk", md, StringComparison.Ordinal);
        Assert.Contains("## Rollout plan", md, StringComparison.Ordinal);

        // A 0.5 budget is shown by 5 clean checks, but a rollback at 0.6 needs a longer window: each stage lasts one window.
        var window = Shipgate.Risk.BudgetMath.RollbackWindow(0.5, 0.6)!.Value;
        Assert.True(window > 5);
        Assert.Contains($"≥ {window} requests", md, StringComparison.Ordinal);
        Assert.Contains("one rollback window", md, StringComparison.Ordinal);
        Assert.Contains("proposed by shipgate cost", md, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(output, "launch.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_SecondTime_ReusesTheRunUntilWhatItTestedChanges()
    {
        WriteSpec(Decisions);
        await _feature.RunAsync("launch", ".", "--format", "none");

        // A decision section (here the traffic model) does not change what the run tested: no paid re-run.
        WriteSpec(Decisions.Replace("users: 1000", "users: 2000", StringComparison.Ordinal));
        await _feature.RunAsync("launch", ".", "--format", "none");
        Assert.Contains("using run", _feature.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("running the eval first", _feature.Output, StringComparison.Ordinal);

        _feature.Write("knowledge/extra.md", "# Plans\n\nThe Free plan has up to 3 groups.\n");
        await _feature.RunAsync("launch", ".", "--format", "none");
        Assert.Contains("no completed run of the current spec: running the eval first", _feature.Output, StringComparison.Ordinal);

        await _feature.RunAsync("runs", ".");
        Assert.Equal(2, _feature.Output.Split('\n').Count(l => l.Contains("completed", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Launch_NoDecisionSections_NotDeclaredPartsBlockWithWhatToAdd()
    {
        WriteSpec("");

        var code = await _feature.RunAsync("launch", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("NOT DECLARED", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("no economics: section", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("NO-SHIP", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_UnpricedStandIn_CostsZeroAndSaysSo()
    {
        WriteSpec(Decisions, pricing: "");
        var output = Path.Combine(_feature.Folder, "out");

        await _feature.RunAsync("launch", ".", "-o", output, "--format", "md");

        var md = File.ReadAllText(Path.Combine(output, "launch.md"));
        Assert.Contains("its cost is zero; cost a real candidate before launch", md, StringComparison.Ordinal);
        Assert.Contains("offline stand-in, no charge", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_BudgetTooSmallForTheSuite_RiskBlocksLaunch()
    {
        // A 1% budget needs 299 clean checks; six cases cannot show it, whatever the point estimate.
        WriteSpec(Decisions.Replace("max_rate: 0.5", "max_rate: 0.01", StringComparison.Ordinal));

        var code = await _feature.RunAsync("launch", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("need 299", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("NO-SHIP: 1 of 5 parts are not ready", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_RecordedChoice_CostRiskAndLaunchTalkAboutTheSameCandidate()
    {
        // 'brief' (two sentences, priced far lower) wins on cost; once recorded, every decision command uses it.
        const string Brief = "  - id: brief\n    provider: local:extractive\n    options: { best_sentences: \"2\" }\n    pricing: { input: 0.01, output: 0.02 }\n";
        BillingFeature.WriteSpec(_feature, Decisions.Replace("weight: 2, max_per_request", "weight: 5, max_per_request", StringComparison.Ordinal), "pricing: { input: 2.50, output: 10.00 }", Brief);
        await _feature.RunAsync("eval", ".", "--format", "none");
        Assert.True(await _feature.RunAsync("select", ".", "--write", "--format", "none") == 0, _feature.Output);
        Assert.True(_feature.Exists("decisions/model-selection.json"));

        await _feature.RunAsync("cost", ".", "--format", "none");
        Assert.Contains("'brief'", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("recorded selection decision", _feature.Output, StringComparison.Ordinal);

        await _feature.RunAsync("risk", ".", "--format", "none");
        Assert.Contains("candidate brief", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("recorded selection decision", _feature.Output, StringComparison.Ordinal);

        await _feature.RunAsync("launch", ".", "--format", "none");
        Assert.Contains("candidate brief (the recorded selection decision", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_FreshWithRun_IsAUsageError()
    {
        WriteSpec(Decisions);

        Assert.Equal(2, await _feature.RunAsync("launch", ".", "--fresh", "--run", "latest"));
        Assert.Contains("give one of them", _feature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_UnknownCandidate_NamesTheOnesInTheRun()
    {
        WriteSpec(Decisions);

        Assert.Equal(2, await _feature.RunAsync("launch", ".", "--candidate", "gpt-5", "--format", "none"));
        Assert.Contains("candidate 'gpt-5' is not in run", _feature.Output, StringComparison.Ordinal);
        Assert.Contains("its candidates: baseline", _feature.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _feature.Dispose();
}
