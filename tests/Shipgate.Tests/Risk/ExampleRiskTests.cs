using Shipgate.Risk;
using Shipgate.Specs;

namespace Shipgate.Tests.Risk;

/// <summary>The support-assistant example's risk section, as docs/risk.md describes it.</summary>
public sealed class ExampleRiskTests
{
    private static string ExampleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "support-assistant");
            if (File.Exists(Path.Combine(candidate, "shipgate.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/support-assistant");
    }

    [Fact]
    public void Load_Example_HighSeverityModerateDetectionWithABudget()
    {
        var risk = new SpecLoader().Load(ExampleFolder()).Risk;

        Assert.NotNull(risk);
        Assert.Equal(RiskSeverity.High, risk.Severity.Level);
        Assert.Equal(RiskDetection.Moderate, risk.Detection.Level);
        Assert.Equal(0.02, risk.Budget!.MaxRate);
        Assert.Equal(0.05, risk.Budget.RollbackAt);
    }

    [Fact]
    public void Assess_ExampleWithItsOfflineNumbers_EveryRequiredMitigationMetButTheSuiteTooSmall()
    {
        var spec = new SpecLoader().Load(ExampleFolder());
        var report = RiskFixtures.Report(RiskFixtures.Candidate("baseline", 71, 0, approximate: true, offline: true));

        var a = RiskAssessor.Assess(spec, report);

        Assert.All(a.Checks, c => Assert.True(c.Met, $"{c.Mitigation.Id}: {c.Evidence}"));
        Assert.Equal(MitigationStatus.Configured, a.Checks.Single(c => c.Mitigation.Id == MitigationIds.Rag).Status);
        Assert.Equal(MitigationStatus.Configured, a.Checks.Single(c => c.Mitigation.Id == MitigationIds.GroundedChecks).Status);
        Assert.Equal(BudgetStatus.Unproven, a.Budget.Status);
        Assert.Equal(149, a.Budget.CasesNeeded!.Value.Value);
    }
}
