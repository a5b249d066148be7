using System.Text.Json;
using Shipgate.Launch;
using Shipgate.Reports;
using Shipgate.Rollout;
using Shipgate.Specs;
using Shipgate.Tests.Reports;

namespace Shipgate.Tests.Launch;

public sealed class LaunchRenderingTests
{
    private static LaunchReport Report(params LaunchPart[] extra)
    {
        var eval = SampleReport.Build();
        var spec = new FeatureSpec
        {
            Name = "support-assistant",
            RootDirectory = "/tmp/f",
            SpecFile = "/tmp/f/shipgate.yaml",
            Prompts = [],
            Candidates = [],
            Cases = [],
            Gate = new ShipGateSpec { MinRubricMean = 4, MaxP95LatencyMs = 3000, MaxCostPerRequest = 0.05m },
        };
        var plan = RolloutPlanner.Plan(spec, new RolloutInputs());
        return new LaunchReport
        {
            Feature = "support-assistant",
            CandidateId = "gpt-4o-mini",
            CandidateReason = "selection winner",
            RunId = eval.Run.Id,
            GeneratedAt = new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero),
            Parts = [EvalGatePart.Build(eval, eval.Candidates[0]), .. extra, RolloutPart.Build(plan)],
            Rollout = plan,
            Warnings = ["run was made with an earlier spec <b>"],
        };
    }

    private static LaunchPart Part(string name, ReadinessStatus status, params string[] reasons) =>
        new(name, new Readiness(status, $"{name} summary", reasons), $"## {name}\n\nbody of {name}\n", $"<section><h2>{name}</h2></section>", null);

    [Fact]
    public void EvalGatePart_FailingChecks_AreTheReasons()
    {
        var eval = SampleReport.Build();

        var part = EvalGatePart.Build(eval, eval.Candidates[0]);

        Assert.Equal(ReadinessStatus.NotReady, part.Readiness.Status);
        Assert.Equal(["pass rate ≥ 0.90: measured 0.50", "max p95 latency ≤ 3000 ms: measured 3120 ms"], part.Readiness.Reasons);
        Assert.Contains($"measured, run {eval.Run.Id}", part.Readiness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalGatePart_AllChecksPass_IsReady()
    {
        var eval = SampleReport.Build();

        Assert.Equal(ReadinessStatus.Ready, EvalGatePart.Build(eval, eval.Candidates[1]).Readiness.Status);
    }

    [Fact]
    public void Ship_OnlyWhenEveryPartIsReady()
    {
        var eval = SampleReport.Build();
        var ready = Report() with { Parts = [EvalGatePart.Build(eval, eval.Candidates[1]), Part("Cost", ReadinessStatus.Ready)] };
        var notDeclared = ready with { Parts = [.. ready.Parts, Part("Risk", ReadinessStatus.NotDeclared, "add risk:")] };

        Assert.True(ready.Ship);
        Assert.False(notDeclared.Ship);
        Assert.Equal("NO-SHIP", notDeclared.Label);
    }

    [Fact]
    public void Markdown_ListsBlockersWithReasonsAndEveryPartsSection()
    {
        var md = LaunchMarkdown.Render(Report(Part("Hallucination risk", ReadinessStatus.NotReady, "rag is missing"), Part("Unit economics", ReadinessStatus.Ready)));

        Assert.StartsWith("# Launch readiness: support-assistant", md, StringComparison.Ordinal);
        Assert.Contains("**Verdict: NO-SHIP**", md, StringComparison.Ordinal);
        Assert.Contains("| Hallucination risk | **NOT READY** | Hallucination risk summary |", md, StringComparison.Ordinal);
        Assert.Contains("  - rag is missing", md, StringComparison.Ordinal);
        Assert.DoesNotContain("- **Unit economics**", md, StringComparison.Ordinal);
        Assert.Contains("body of Unit economics", md, StringComparison.Ordinal);
        Assert.Contains("## Rollout plan", md, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsSelfContainedAndEscapesWarnings()
    {
        var html = LaunchHtml.Render(Report(Part("Unit economics", ReadinessStatus.Ready)));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"verdict noship\">NO-SHIP</span>", html, StringComparison.Ordinal);
        Assert.Contains("earlier spec &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.Contains("<section><h2>Unit economics</h2></section>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesVerdictPartsAndStages()
    {
        using var doc = JsonDocument.Parse(LaunchJson.Render(Report()));
        var root = doc.RootElement;

        Assert.Equal(LaunchJson.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("NO-SHIP", root.GetProperty("verdict").GetString());
        var parts = root.GetProperty("parts");
        Assert.Equal("Eval gate", parts[0].GetProperty("name").GetString());
        Assert.Equal("NOT READY", parts[0].GetProperty("status").GetString());
        Assert.Equal(5, parts[1].GetProperty("detail").GetProperty("stages").GetArrayLength());
    }
}
