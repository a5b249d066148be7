using System.Text.RegularExpressions;
using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Reports;
using Shipgate.Specs;
using Shipgate.Testing;
using Shipgate.Tests.Judging;

namespace Shipgate.Tests.Evals;

/// <summary>
/// An invoice-extraction feature with a model judge that is down for most calls (HTTP 500 from the stub over real
/// HTTP): the gate must not ship on the few verdicts that came back.
/// </summary>
public sealed partial class ShipGateJudgeOutageTests
{
    private static readonly Func<string, string?> Env = name => name switch
    {
        "STUB_KEY" => "sk-test",
        "JUDGE_KEY" => "sk-judge",
        _ => null,
    };

    [GeneratedRegex(@"INV-10[0-7]\b")]
    private static partial Regex JudgeDown();

    private static FeatureSpec InvoiceExtraction(RunnerFixture f, ShipGateSpec gate) =>
        f.Spec(cases: 10, gate: gate) with
        {
            Name = "invoice-extraction",
            Prompts = [new PromptTemplate("extract", "Return the invoice as JSON.", "Invoice: {{q}}", SourceLocation.FileOnly("shipgate.yaml"))],
            Cases = [.. Enumerable.Range(0, 10).Select(i => new EvalCase
            {
                Id = $"invoice-{i}",
                Vars = new Dictionary<string, string> { ["q"] = $"INV-10{i} from Acme, total 120.50 EUR" },
                Tags = [CaseTags.Happy],
                Assertions = [new AssertionSpec { Type = AssertionTypes.IsJson }],
            })],
            Rubric = new Rubric { Criteria = JudgeTestKit.Criteria },
            Judges = [JudgeTestKit.Judge(f.Server.BaseUrl)],
            DefaultAssertions = [new AssertionSpec { Type = AssertionTypes.Rubric, Min = 4.0 }],
        };

    private static async Task<EvalReport> RunAsync(RunnerFixture f, ShipGateSpec gate)
    {
        f.Server.Responder = r => r.Model == "judge-model"
            ? JudgeTestKit.Verdict(5, 5)
            : $"{{\"invoice\": \"{Regex.Match(r.LastUserMessage, @"INV-\d+").Value}\", \"total\": 120.50, \"currency\": \"EUR\"}}";

        // Judge calls about invoices 100-107 fail every attempt; Retry-After 0 keeps the retries instant.
        f.Server.FaultRule = r => r.Model == "judge-model" && JudgeDown().IsMatch(r.Body) ? StubFault.Status(500, retryAfterSeconds: 0) : null;
        var runner = new EvalRunner(new ProviderFactory(Env), new AssertionFactory(new JudgeFactory(new ProviderFactory(Env))), f.Store);
        var outcome = await runner.RunAsync(InvoiceExtraction(f, gate), RunnerFixture.FastOptions());
        return outcome.Report;
    }

    [Fact]
    public async Task Run_OnlyMinRubricMeanAndEightOfTenJudgeCallsFail_NoShipNamesHowManyWereLostAndWhy()
    {
        await using var f = await RunnerFixture.StartAsync();

        var c = Assert.Single((await RunAsync(f, new ShipGateSpec { MinRubricMean = 4.0 })).Candidates);

        Assert.Equal(2, c.RubricJudged);
        Assert.Equal(8, c.RubricInconclusive);
        Assert.False(c.Verdict.Ship);
        var lost = Assert.Single(c.Verdict.Checks, k => k.Name == "inconclusive verdicts");
        Assert.False(lost.Pass);
        Assert.Contains("not enough evidence: 8 of 10 rubric verdicts lost", lost.Measured, StringComparison.Ordinal);
        var reason = Assert.Single(c.InconclusiveReasons);
        Assert.Equal(8, reason.Count);
        Assert.StartsWith("judge call failed:", reason.Reason, StringComparison.Ordinal);
        Assert.Contains("500", reason.Reason, StringComparison.Ordinal);
        Assert.Contains($"{reason.Reason} (8)", lost.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JudgeOutageReport_MarkdownNamesTheLostVerdictsAndTheirReason()
    {
        await using var f = await RunnerFixture.StartAsync();
        var report = await RunAsync(f, new ShipGateSpec { MinRubricMean = 4.0, MinJudged = 1 });

        var md = new MarkdownReportWriter().Render(report);

        Assert.False(Assert.Single(report.Candidates).Verdict.Ship); // 80% lost is over the cap whatever the minimum sample
        Assert.Contains("**Verdict: NO-SHIP**", md, StringComparison.Ordinal);
        Assert.Contains("8 of 10 rubric verdicts lost", md, StringComparison.Ordinal);
        Assert.Contains("judge call failed:", md, StringComparison.Ordinal);
    }
}
