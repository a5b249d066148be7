using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Testing;
using Shipgate.Tests.Evals;

namespace Shipgate.Tests.Judging;

/// <summary>A priced groundedness judge on the stub server over real HTTP; runs share one SQLite store, as re-runs of a feature do.</summary>
public sealed class GroundednessVerdictCacheTests
{
    private static EvalRunner Runner(RunnerFixture f) => JudgeTestKit.Runner(f);

    private static FeatureSpec Grounded(RunnerFixture f)
    {
        var spec = f.Spec(cases: 3, pricing: new Pricing(1m, 2m));
        return spec with
        {
            Judges = [JudgeTestKit.Judge(f.Server.BaseUrl, pricing: new Pricing(1_000m, 2_000m))],
            DefaultAssertions = [new AssertionSpec { Type = AssertionTypes.Grounded, Judge = "judge" }],
            Cases = [.. spec.Cases.Select(c => c with { Context = ["Plus can be refunded within 14 days."] })],
        };
    }

    /// <summary>case-0's output holds a contradicted claim (a hallucination); the others are supported.</summary>
    private static string Respond(StubRequest r)
    {
        if (r.Model != "judge-model")
        {
            return "Echo: " + r.LastUserMessage;
        }

        var verdict = r.LastUserMessage.Contains("question 0", StringComparison.Ordinal) ? "contradicted" : "supported";
        return JsonSerializer.Serialize(new { claims = new[] { new { claim = "Refunds take 30 days", verdict, evidence = "14 days" } } });
    }

    private static int JudgeCalls(RunnerFixture f) => f.Server.Requests.Count(r => r.Model == "judge-model");

    [Fact]
    public async Task Run_SecondRunWithCache_MakesNoGroundednessJudgeCallsAndReportsTheSameHallucinations()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = Respond;
        var spec = Grounded(f);

        var first = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        var callsAfterFirst = JudgeCalls(f);
        var second = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(3, callsAfterFirst);
        Assert.Equal(callsAfterFirst, JudgeCalls(f));
        var (a, b) = (first.Report.Candidates[0], second.Report.Candidates[0]);
        Assert.Equal(1, a.Hallucinated);
        Assert.Equal(3, a.GroundednessChecked);
        Assert.Equal(a.Hallucinated, b.Hallucinated);
        Assert.Equal(a.GroundednessChecked, b.GroundednessChecked);
        Assert.Equal(a.HallucinationRate, b.HallucinationRate);
        Assert.Equal(0, b.GroundednessInconclusive);

        // The cached verdicts keep what they cost when paid, but cost nothing new.
        var paid = first.Report.JudgeSpend;
        Assert.True(paid.TotalUsd > 0);
        Assert.Equal(paid.TotalUsd, paid.NewUsd);
        Assert.Equal(0, paid.FromCache);
        Assert.Equal(new JudgeSpend(3, 3, paid.TotalUsd, 0m), second.Report.JudgeSpend);
    }

    [Fact]
    public async Task Run_NoCache_CallsTheGroundednessJudgeAgain()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = Respond;
        var spec = Grounded(f);
        await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        var noCache = RunnerFixture.FastOptions();
        noCache.UseCache = false;

        var again = await Runner(f).RunAsync(spec, noCache);

        Assert.Equal(6, JudgeCalls(f));
        Assert.Equal(0, again.Report.JudgeSpend.FromCache);
        Assert.Equal(again.Report.JudgeSpend.TotalUsd, again.Report.JudgeSpend.NewUsd);
        Assert.Equal(1, again.Report.Candidates[0].Hallucinated);
    }

    [Fact]
    public async Task Run_GroundednessJudgeFailedLastTime_AsksAgainInsteadOfReplayingTheFailure()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = Respond;
        f.Server.FaultRule = r => r.Model == "judge-model" ? StubFault.Status(400) : null;
        var spec = Grounded(f);
        var failed = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        Assert.Equal(3, failed.Report.Candidates[0].GroundednessInconclusive);
        f.Server.FaultRule = null;
        var before = JudgeCalls(f);

        var again = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(3, JudgeCalls(f) - before);
        Assert.Equal(0, again.Report.Candidates[0].GroundednessInconclusive);
        Assert.Equal(1, again.Report.Candidates[0].Hallucinated);
    }

    [Fact]
    public async Task Run_UnusableGroundednessReply_IsNotCached()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? "All claims look fine." : "Echo: " + r.LastUserMessage;
        var spec = Grounded(f);
        await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        var before = JudgeCalls(f);
        f.Server.Responder = Respond;

        var again = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(3, JudgeCalls(f) - before);
        Assert.Equal(0, again.Report.JudgeSpend.FromCache);
        Assert.Equal(0, again.Report.Candidates[0].GroundednessInconclusive);
    }

    [Fact]
    public void GroundednessKey_DiffersByPromptSchemaAndJudge_AndIsNullForTheOfflineJudge()
    {
        var judge = JudgeTestKit.Judge("http://127.0.0.1:1/v1");
        var request = new GroundednessRequest { Case = JudgeTestKit.Case(), Output = "Refunds within 14 days.", Documents = ["Plus can be refunded within 14 days."] };
        var prompt = GroundednessPrompt.CacheMaterial(request, [], truncated: false);
        var schema = GroundednessPrompt.Schema();

        var key = JudgeVerdictCache.GroundednessKey(judge, prompt, schema);

        Assert.StartsWith(JudgeVerdictCache.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(key, JudgeVerdictCache.GroundednessKey(judge, GroundednessPrompt.CacheMaterial(request with { }, [], truncated: false), GroundednessPrompt.Schema()));
        Assert.NotEqual(key, JudgeVerdictCache.GroundednessKey(judge, GroundednessPrompt.CacheMaterial(request with { Output = "Refunds within 30 days." }, [], truncated: false), schema));
        Assert.NotEqual(key, JudgeVerdictCache.GroundednessKey(judge, GroundednessPrompt.CacheMaterial(request with { Documents = ["Plus can be refunded within 30 days."] }, [], truncated: false), schema));
        Assert.NotEqual(key, JudgeVerdictCache.GroundednessKey(judge, prompt, null));
        Assert.NotEqual(key, JudgeVerdictCache.GroundednessKey(JudgeTestKit.Judge("http://127.0.0.1:1/v1", model: "other-judge"), prompt, schema));
        Assert.NotEqual(key, JudgeVerdictCache.GroundednessKey(JudgeTestKit.Judge("http://127.0.0.1:2/v1"), prompt, schema));
        Assert.Null(JudgeVerdictCache.GroundednessKey(new JudgeSpec { Id = "ref", Provider = JudgeSpec.LocalReference }, prompt, schema));
    }
}
