using Shipgate.Reports;
using Shipgate.Rollout;
using Shipgate.Specs;

namespace Shipgate.Tests.Rollout;

public sealed class RolloutPlannerTests
{
    private static FeatureSpec Spec(ShipGateSpec? gate = null, RolloutSpec? rollout = null) => new()
    {
        Name = "f",
        RootDirectory = "/tmp/f",
        SpecFile = "/tmp/f/shipgate.yaml",
        Prompts = [],
        Candidates = [],
        Cases = [],
        Gate = gate ?? new ShipGateSpec { MinRubricMean = 4.0, MaxP95LatencyMs = 2000 },
        Rollout = rollout ?? new RolloutSpec(),
    };

    private static RolloutInputs Inputs(double? daily = 60_000, double? budget = 0.02, double? rollback = 0.05, decimal? cap = 0.01m) => new()
    {
        DailyRequests = daily,
        DailyRequestsSource = Provenance.Declared("economics.traffic"),
        HallucinationBudget = budget,
        HallucinationBudgetSource = Provenance.Declared("risk.budget.max_rate"),
        HallucinationRollbackAt = rollback,
        HallucinationRollbackSource = Provenance.Declared("risk.budget.rollback_at"),
        MaxCostPerRequest = cap,
        MaxCostPerRequestSource = Provenance.Declared("economics.guardrails.max_cost_per_request"),
    };

    [Fact]
    public void Plan_Defaults_FollowTheFrameworksFiveStages()
    {
        var plan = RolloutPlanner.Plan(Spec(), Inputs());

        Assert.Equal(["shadow", "internal", "5%", "25%", "100%"], plan.Stages.Select(s => s.Name));
        Assert.True(plan.DefaultStages);
        Assert.Equal(ReadinessStatus.Ready, plan.Readiness.Status);
        Assert.Contains("promote to 'internal'", plan.Stages[0].Promotion, StringComparison.Ordinal);
        Assert.Contains("roll back to 'internal'", plan.Stages[2].Rollback, StringComparison.Ordinal);
        Assert.Null(plan.Stages[^1].MinRequests);
    }

    [Fact]
    public void Plan_HallucinationBudget_SetsRequestsPerStage()
    {
        var plan = RolloutPlanner.Plan(Spec(), Inputs(budget: 0.02));

        // 149 clean checks show a 2% rate at 95%: (1 - 0.02)^149 < 0.05 <= (1 - 0.02)^148.
        Assert.All(plan.Stages.Take(4), s => Assert.Equal(149, s.MinRequests));
        Assert.Equal(ProvenanceKind.Derived, plan.Stages[0].MinRequestsSource!.Value.Kind);
    }

    [Fact]
    public void Plan_NoBudget_FallsBackToLabelledDefault()
    {
        var plan = RolloutPlanner.Plan(Spec(), Inputs(budget: null));

        Assert.Equal(RolloutPlanner.DefaultMinRequests, plan.Stages[2].MinRequests);
        Assert.Equal(ProvenanceKind.Estimated, plan.Stages[2].MinRequestsSource!.Value.Kind);
        Assert.Contains(plan.Notes, n => n.Contains("no hallucination budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_Traffic_GivesDaysPerStage()
    {
        // 1,000 requests a day: 5% is 50 a day, so 149 requests take 3 days (min_days 2); 25% is 250 a day, 1 day but min 3.
        var plan = RolloutPlanner.Plan(Spec(), Inputs(daily: 1000));

        Assert.Equal(2, plan.Stages[0].ExpectedDays);
        Assert.Null(plan.Stages[1].ExpectedDays);
        Assert.Equal(3, plan.Stages[2].ExpectedDays);
        Assert.Equal(3, plan.Stages[3].ExpectedDays);
        Assert.Null(plan.ExpectedTotalDays);
    }

    [Fact]
    public void Plan_GateSources_PreferRolloutThenRiskThenGate()
    {
        var rollout = new RolloutSpec { Declared = true, Gates = new RolloutGateSpec { MaxP95LatencyMs = 1500 } };
        var plan = RolloutPlanner.Plan(Spec(gate: new ShipGateSpec { MinRubricMean = 4.2, MaxP95LatencyMs = 2000, MaxHallucinationRate = 0.1 }, rollout: rollout), Inputs(rollback: 0.05));
        var gates = plan.Stages[2].Gates.ToDictionary(g => g.Metric);

        Assert.Equal("≤ 1,500 ms", gates["p95 latency"].Threshold);
        Assert.Equal("shipgate.yaml rollout.gates.max_p95_latency_ms", gates["p95 latency"].Source.Detail);
        Assert.Equal("≤ 2.0% to promote; above 5.0% rolls back", gates["hallucination rate (sampled groundedness checks)"].Threshold);
        Assert.Equal("shipgate.yaml risk.budget.max_rate", gates["hallucination rate (sampled groundedness checks)"].Source.Detail);
        Assert.Equal("≥ 4.2", gates["rubric mean (online judge sample)"].Threshold);
        Assert.Equal("≤ $0.0100", gates["cost per request"].Threshold);
        Assert.Equal(ProvenanceKind.Estimated, gates["negative feedback rate"].Source.Kind);
    }

    [Fact]
    public void Plan_ShadowStage_IsNotGatedOnFeedback()
    {
        var plan = RolloutPlanner.Plan(Spec(), Inputs());

        Assert.DoesNotContain(plan.Stages[0].Gates, g => g.Metric == "negative feedback rate");
        Assert.Contains(plan.Stages[1].Gates, g => g.Metric == "negative feedback rate");
    }

    [Fact]
    public void Plan_NothingToJudgeQualityOrCost_IsNotReady()
    {
        var plan = RolloutPlanner.Plan(Spec(gate: new ShipGateSpec()), Inputs(budget: null, rollback: null, cap: null));

        Assert.Equal(ReadinessStatus.NotReady, plan.Readiness.Status);
        Assert.Equal(2, plan.Readiness.Reasons.Count);
    }

    [Fact]
    public void Plan_JudgeSamples_StagesNeedMoreRequestsThanChecks()
    {
        var plan = RolloutPlanner.Plan(Spec(rollout: new RolloutSpec { Declared = true, SampleRate = 0.05 }), Inputs(daily: 60_000, budget: 0.02));

        // 149 checked answers at a 5% judge sample are 2,980 requests; at 5% of 60,000 a day (3,000) that is 1 day, min 2.
        Assert.Equal(149, plan.Stages[2].MinChecks);
        Assert.Equal(2980, plan.Stages[2].MinRequests);
        Assert.Equal(2, plan.Stages[2].ExpectedDays);
        Assert.Contains("judge sample of 5.0%", plan.Stages[2].MinRequestsSource!.Value.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Notes, n => n.Contains("rollout.sample_rate", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_RollbackWindowLongerThanTheBudgetProof_StageWaitsForAWholeWindow()
    {
        var plan = RolloutPlanner.Plan(Spec(), Inputs(budget: 0.02) with { RollbackWindow = 257 });

        Assert.Equal(257, plan.Stages[0].MinChecks);
        Assert.Contains("one rollback window", plan.Stages[0].MinRequestsSource!.Value.Detail, StringComparison.Ordinal);
    }
}
