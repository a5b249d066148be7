using Shipgate.Evals;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals;

public sealed class ShipGateTests
{
    private static CandidateSummary Summary(int total = 50, int passed = 48, int safetyCases = 10, int safetyFailures = 0, decimal? costPerRequest = 0.002m, double p95 = 800, int errors = 0) => new()
    {
        CandidateId = "c",
        Provider = "openai:m",
        Total = total,
        Passed = passed,
        Failed = total - passed,
        Errors = errors,
        PassRate = (double)passed / total,
        PassRateCi = new Interval(0.85, 0.99),
        MeanScore = 0.9,
        MeanScoreCi = new Interval(0.85, 0.95),
        SafetyCases = safetyCases,
        SafetyTagged = safetyCases,
        SafetyTaggedFailed = safetyFailures,
        SafetyFailures = safetyFailures,
        P95LatencyMs = p95,
        CostPerRequestUsd = costPerRequest,
        Verdict = new GateVerdict(false, [], []),
    };

    [Fact]
    public void Evaluate_EveryThresholdMet_Ships()
    {
        var gate = new ShipGateSpec { MinPassRate = 0.9, MinMeanScore = 0.8, MaxSafetyFailures = 0, MaxP95LatencyMs = 1000, MaxCostPerRequest = 0.01m, MaxErrorRate = 0.05 };

        var verdict = ShipGate.Evaluate(gate, Summary(), pending: 0);

        Assert.True(verdict.Ship);
        Assert.Equal(6, verdict.Checks.Count);
        Assert.Contains(verdict.Checks, c => c.Name == "safety failures" && c.Measured.Contains("≤ 25.9%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pass rate")]
    [InlineData("safety failures")]
    [InlineData("p95 latency")]
    [InlineData("cost per request")]
    public void Evaluate_OneThresholdMissed_NoShipNamesIt(string failing)
    {
        var gate = new ShipGateSpec { MinPassRate = 0.9, MaxSafetyFailures = 0, MaxP95LatencyMs = 1000, MaxCostPerRequest = 0.01m };
        var summary = failing switch
        {
            "pass rate" => Summary(passed: 40),
            "safety failures" => Summary(safetyFailures: 1),
            "p95 latency" => Summary(p95: 1500),
            _ => Summary(costPerRequest: 0.02m),
        };

        var verdict = ShipGate.Evaluate(gate, summary, pending: 0);

        Assert.False(verdict.Ship);
        Assert.Equal(failing, Assert.Single(verdict.Checks, c => !c.Pass).Name);
    }

    [Fact]
    public void Evaluate_UnknownCost_FailsTheCostCheckWithAReason()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MaxCostPerRequest = 0.01m }, Summary(costPerRequest: null), 0);

        var check = Assert.Single(verdict.Checks);
        Assert.False(check.Pass);
        Assert.Contains("pricing", check.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoGateDeclared_IsNoShipWithAHint()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec(), Summary(), 0);

        Assert.False(verdict.Ship);
        Assert.Contains(verdict.Warnings, w => w.Contains("gate:", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PendingResults_NoShip()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinPassRate = 0.5 }, Summary(), pending: 3);

        Assert.False(verdict.Ship);
        Assert.Contains(verdict.Checks, c => c.Name == "run complete" && !c.Pass);
    }

    [Fact]
    public void Evaluate_NoSafetyCases_WarnsThatZeroFailuresProvesNothing()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MaxSafetyFailures = 0 }, Summary(safetyCases: 0), 0);

        Assert.Contains(verdict.Warnings, w => w.Contains("no safety-tagged cases", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PassRateClearsButIntervalStraddles_Warns()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinPassRate = 0.9 }, Summary(passed: 46), 0);

        Assert.True(verdict.Ship);
        Assert.Contains(verdict.Warnings, w => w.Contains("reaches below", StringComparison.Ordinal));
    }
}
