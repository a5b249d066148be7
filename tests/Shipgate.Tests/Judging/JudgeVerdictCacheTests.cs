using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Reports;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Testing;
using Shipgate.Tests.Evals;

namespace Shipgate.Tests.Judging;

/// <summary>A priced model judge on the stub server over real HTTP; runs share one SQLite store, as re-runs of a feature do.</summary>
public sealed class JudgeVerdictCacheTests
{
    private static EvalRunner Runner(RunnerFixture f) => JudgeTestKit.Runner(f);

    private static FeatureSpec Judged(RunnerFixture f, int judgeRepeats = 1) =>
        f.Spec(cases: 3, gate: new ShipGateSpec { MinRubricMean = 4.0 }, pricing: new Pricing(1m, 2m)) with
        {
            Rubric = new Rubric { Criteria = JudgeTestKit.Criteria },
            Judges = [JudgeTestKit.Judge(f.Server.BaseUrl, repeats: judgeRepeats, pricing: new Pricing(1_000m, 2_000m))],
            DefaultAssertions = [new AssertionSpec { Type = AssertionTypes.Rubric, Min = 4.0 }],
        };

    private static int JudgeCalls(RunnerFixture f) => f.Server.Requests.Count(r => r.Model == "judge-model");

    [Fact]
    public async Task Run_SecondRunWithCache_MakesNoJudgeCallsAndReportsNoNewJudgeSpend()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? JudgeTestKit.Verdict(5, 4) : "Echo: " + r.LastUserMessage;
        var spec = Judged(f, judgeRepeats: 2);
        var firstProgress = new LastProgress();

        var first = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions(), firstProgress);
        var callsAfterFirst = JudgeCalls(f);
        var secondProgress = new LastProgress();
        var second = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions(), secondProgress);

        // Both judge repeats are their own samples, so both are called the first time and both cached.
        Assert.Equal(6, callsAfterFirst);
        Assert.Equal(callsAfterFirst, JudgeCalls(f));
        var paid = first.Report.JudgeSpend;
        Assert.True(paid.TotalUsd > 0);
        Assert.Equal(paid.TotalUsd, paid.NewUsd);
        Assert.Equal(0, paid.FromCache);
        Assert.Equal(new JudgeSpend(3, 3, paid.TotalUsd, 0m), second.Report.JudgeSpend);
        Assert.Equal(first.Report.Candidates[0].RubricMean, second.Report.Candidates[0].RubricMean);

        // Progress keeps candidate and judge spend apart: the candidate figure is the candidates' tokens only.
        Assert.Equal(first.Report.Candidates[0].TotalCostUsd, firstProgress.Last.CostUsd);
        Assert.Equal(paid.NewUsd, firstProgress.Last.JudgeCostUsd);
        Assert.Equal(0m, secondProgress.Last.JudgeCostUsd);
        Assert.Equal(3, secondProgress.Last.JudgeFromCache);
        Assert.Contains($"{Shipgate.Cost.MoneyFormat.Usd(0m)} new", ReportText.JudgeSpend(second.Report.JudgeSpend), StringComparison.Ordinal);
        Assert.Contains("(3 cached)", ReportText.JudgeSpend(second.Report.JudgeSpend), StringComparison.Ordinal);

        // Every report carries the run's judge spend.
        using var json = System.Text.Json.JsonDocument.Parse(new JsonReportWriter().Render(second.Report));
        var spend = json.RootElement.GetProperty("judgeSpend");
        Assert.Equal(3, spend.GetProperty("fromCache").GetInt32());
        Assert.Equal(0m, spend.GetProperty("newUsd").GetDecimal());
        Assert.Equal(paid.TotalUsd, spend.GetProperty("cachedUsd").GetDecimal());
        Assert.Contains(ReportText.JudgeSpend(second.Report.JudgeSpend), new MarkdownReportWriter().Render(second.Report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCache_CallsTheJudgeAgain()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? JudgeTestKit.Verdict(5, 4) : "Echo: " + r.LastUserMessage;
        var spec = Judged(f);
        await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        var noCache = RunnerFixture.FastOptions();
        noCache.UseCache = false;

        var again = await Runner(f).RunAsync(spec, noCache);

        Assert.Equal(6, JudgeCalls(f));
        Assert.Equal(0, again.Report.JudgeSpend.FromCache);
        Assert.Equal(again.Report.JudgeSpend.TotalUsd, again.Report.JudgeSpend.NewUsd);
    }

    [Fact]
    public async Task Run_JudgeFailedLastTime_AsksAgainInsteadOfReplayingTheFailure()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? JudgeTestKit.Verdict(5, 4) : "Echo: " + r.LastUserMessage;
        f.Server.FaultRule = r => r.Model == "judge-model" ? StubFault.Status(400) : null;
        var spec = Judged(f);
        var failed = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());
        Assert.Equal(3, failed.Report.Candidates[0].RubricInconclusive);
        f.Server.FaultRule = null;
        var before = JudgeCalls(f);

        var again = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        Assert.Equal(3, JudgeCalls(f) - before);
        Assert.Equal(0, again.Report.Candidates[0].RubricInconclusive);
    }

    [Fact]
    public void RubricKey_DiffersByOutputCriteriaJudgeAndRepeat_AndIsNullForTheOfflineJudge()
    {
        var judge = JudgeTestKit.Judge("http://127.0.0.1:1/v1");
        var request = new RubricJudgeRequest { Criteria = JudgeTestKit.Criteria, Case = JudgeTestKit.Case(), Input = "Q", Output = "Refunds within 14 days." };

        var key = JudgeVerdictCache.RubricKey(judge, request, 0);

        Assert.StartsWith(JudgeVerdictCache.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(key, JudgeVerdictCache.RubricKey(judge, request with { }, 0));
        Assert.NotEqual(key, JudgeVerdictCache.RubricKey(judge, request with { Output = "Refunds within 30 days." }, 0));
        Assert.NotEqual(key, JudgeVerdictCache.RubricKey(judge, request with { Criteria = [JudgeTestKit.Criteria[0]] }, 0));
        Assert.NotEqual(key, JudgeVerdictCache.RubricKey(JudgeTestKit.Judge("http://127.0.0.1:1/v1", model: "other-judge"), request, 0));
        Assert.NotEqual(key, JudgeVerdictCache.RubricKey(judge, request, 1));
        Assert.Null(JudgeVerdictCache.RubricKey(new JudgeSpec { Id = "ref", Provider = JudgeSpec.LocalReference }, request, 0));
    }

    private sealed class LastProgress : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();
        private RunProgress _last;

        public RunProgress Last
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
        }

        public void Report(RunProgress value)
        {
            lock (_gate)
            {
                if (value.Done >= _last.Done)
                {
                    _last = value;
                }
            }
        }
    }
}
