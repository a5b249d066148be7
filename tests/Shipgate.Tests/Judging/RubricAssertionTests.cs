using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Tests.Evals;

namespace Shipgate.Tests.Judging;

/// <summary>Candidate and judge both served by the stub over real HTTP, results through the real SQLite store.</summary>
public sealed class RubricAssertionTests
{
    private static EvalRunner Runner(RunnerFixture f) => JudgeTestKit.Runner(f);

    private static FeatureSpec Judged(RunnerFixture f, IReadOnlyList<JudgeSpec> judges, ShipGateSpec gate, JudgeAggregate aggregate = JudgeAggregate.Mean) =>
        f.Spec(cases: 3, gate: gate, pricing: new Pricing(1m, 2m)) with
        {
            Rubric = new Rubric { Criteria = JudgeTestKit.Criteria, Aggregate = aggregate },
            Judges = judges,
            DefaultAssertions = [new AssertionSpec { Type = AssertionTypes.Rubric, Min = 4.0 }],
        };

    [Fact]
    public async Task Run_WithPricedJudge_RubricMeanReportedAndJudgeCostKeptApart()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? JudgeTestKit.Verdict(5, 4) : "Echo: " + r.LastUserMessage;
        var judge = JudgeTestKit.Judge(f.Server.BaseUrl, pricing: new Pricing(1_000_000m, 1_000_000m));
        var spec = Judged(f, [judge], new ShipGateSpec { MinRubricMean = 4.0, MaxInconclusiveRate = 0 });

        var outcome = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        var c = Assert.Single(outcome.Report.Candidates);
        Assert.Equal(3, c.RubricJudged);
        Assert.Equal(14.0 / 3, c.RubricMean!.Value, 9);
        Assert.Equal(0, c.RubricInconclusive);
        Assert.Equal(["judge"], c.Judges);

        // Candidate cost comes from the candidate's tokens only; the judge's from its own.
        var results = await f.Store.GetResultsAsync(outcome.Run.Id);
        var candidateCost = results.Sum(r => ((r.InputTokens * 1m) + (r.OutputTokens * 2m)) / 1_000_000m);
        Assert.Equal(candidateCost, c.TotalCostUsd);
        var judgeTokens = results.Sum(r => r.Assertions.Single(a => a.Type == "rubric").Judge!.InputTokens + r.Assertions.Single(a => a.Type == "rubric").Judge!.OutputTokens);
        Assert.Equal(judgeTokens, c.JudgeCostUsd);
        Assert.Equal(judgeTokens, c.JudgeInputTokens + c.JudgeOutputTokens);

        Assert.Contains(c.Verdict.Checks, k => k.Name == "rubric mean" && k.Pass && k.Measured.Contains("uncalibrated: no human labels", StringComparison.Ordinal));
        Assert.Contains(c.Verdict.Checks, k => k.Name == "inconclusive verdicts" && k.Pass);
    }

    [Fact]
    public async Task Run_JudgeAlwaysMalformed_InconclusiveCountedAndGateFails()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? "not json" : "Echo: " + r.LastUserMessage;
        var spec = Judged(f, [JudgeTestKit.Judge(f.Server.BaseUrl)], new ShipGateSpec { MinRubricMean = 3.0, MaxInconclusiveRate = 0.1 });

        var outcome = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        var c = Assert.Single(outcome.Report.Candidates);
        Assert.Equal(3, c.RubricInconclusive);
        Assert.Null(c.RubricMean);
        Assert.Equal(0, c.Passed);
        Assert.False(c.Verdict.Ship);
        Assert.Contains(c.Verdict.Checks, k => k.Name == "inconclusive verdicts" && !k.Pass);
        var stored = (await f.Store.GetResultsAsync(outcome.Run.Id)).SelectMany(r => r.Assertions).Where(a => a.Type == "rubric").ToList();
        Assert.All(stored, a => Assert.True(a.Inconclusive && a.Judge!.Raw!.Contains("not json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_TwoJudgesMean_CombinesBothAndCountsSafetyCriterionFailures()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model switch
        {
            "judge-a" => JudgeTestKit.Verdict(5, 5),
            "judge-b" => JudgeTestKit.Verdict(5, 1),
            _ => "Echo: " + r.LastUserMessage,
        };
        var judges = new[] { JudgeTestKit.Judge(f.Server.BaseUrl, "a", "judge-a"), JudgeTestKit.Judge(f.Server.BaseUrl, "b", "judge-b") };
        var spec = Judged(f, judges, new ShipGateSpec { MaxSafetyFailures = 0 });

        var outcome = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        var c = Assert.Single(outcome.Report.Candidates);
        Assert.Equal((5.0 + (11.0 / 3)) / 2, c.RubricMean!.Value, 9);

        // Safety scores 5 and 1 average to 3, above the safety-failure line of 2.
        Assert.Equal(0, c.SafetyCriterionFailures);
        Assert.Equal(["a + b"], c.Judges);
    }

    [Fact]
    public async Task Run_SafetyCriterionScoredTwo_IsASafetyFailureOnUntaggedCases()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-model" ? JudgeTestKit.Verdict(5, 2) : "Echo: " + r.LastUserMessage;
        var spec = Judged(f, [JudgeTestKit.Judge(f.Server.BaseUrl)], new ShipGateSpec { MaxSafetyFailures = 0 });

        var outcome = await Runner(f).RunAsync(spec, RunnerFixture.FastOptions());

        var c = Assert.Single(outcome.Report.Candidates);
        Assert.Equal(3, c.SafetyCriterionFailures);
        Assert.Equal(3, c.SafetyCriterionVerdicts);
        Assert.Equal(3, c.SafetyFailures);
        Assert.Equal(1, c.SafetyCases); // the fixture tags one case 'safety'
        Assert.Contains(c.Verdict.Checks, k => k.Name == "safety failures" && !k.Pass && k.Measured.Contains("3 of 3 safety-criterion verdicts ≤ 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_JudgeOverrideAndCriteriaSubset_UsesOnlyThatJudgeAndThoseCriteria()
    {
        await using var f = await RunnerFixture.StartAsync();
        f.Server.Responder = r => r.Model == "judge-b"
            ? """{"criteria":[{"id":"correctness","score":3,"reason":"partial"}]}"""
            : "wrong judge";
        var judges = new[] { JudgeTestKit.Judge(f.Server.BaseUrl, "a", "judge-a"), JudgeTestKit.Judge(f.Server.BaseUrl, "b", "judge-b") };
        var feature = JudgeTestKit.Feature(f.Folder, judges);
        var assertion = new AssertionFactory(new JudgeFactory(new ProviderFactory(JudgeTestKit.CandidateAndJudgeEnv)))
            .Create(new AssertionSpec { Type = AssertionTypes.Rubric, Criteria = ["correctness"], Judge = "b", Min = 3.0 });

        var outcome = await assertion.EvaluateAsync(new AssertionContext { Case = JudgeTestKit.Case(), Output = "some answer", Feature = feature }, CancellationToken.None);

        Assert.True(outcome.Pass, outcome.Reason);
        Assert.Equal(0.5, outcome.Score, 9);
        Assert.Equal("b", outcome.Judge!.JudgeId);
        Assert.Equal(["correctness"], outcome.Judge.Criteria.Select(c => c.Criterion));
        Assert.All(f.Server.Requests, r => Assert.Equal("judge-b", r.Model));
    }
}
