using Shipgate.Risk;
using Shipgate.Specs;

namespace Shipgate.Tests.Risk;

public sealed class RiskMatrixTests
{
    [Theory]
    [InlineData(RiskSeverity.Low, RiskDetection.Easy, "basic_guardrails", true)]
    [InlineData(RiskSeverity.Low, RiskDetection.Moderate, "basic_guardrails,citations", false)]
    [InlineData(RiskSeverity.Low, RiskDetection.Hard, "basic_guardrails,confidence_indicators", true)]
    [InlineData(RiskSeverity.Low, RiskDetection.NearImpossible, "basic_guardrails,confidence_indicators,human_spot_checks", false)]
    [InlineData(RiskSeverity.Medium, RiskDetection.Easy, "rag,citations", true)]
    [InlineData(RiskSeverity.Medium, RiskDetection.Moderate, "rag,citations,grounded_checks", false)]
    [InlineData(RiskSeverity.Medium, RiskDetection.Hard, "rag,human_spot_checks,monitoring", true)]
    [InlineData(RiskSeverity.Medium, RiskDetection.NearImpossible, "rag,citations,grounded_checks,human_spot_checks,monitoring", false)]
    [InlineData(RiskSeverity.High, RiskDetection.Easy, "rag,constrained_outputs,user_confirmation", true)]
    [InlineData(RiskSeverity.High, RiskDetection.Moderate, "rag,constrained_outputs,user_confirmation,citations,grounded_checks", false)]
    [InlineData(RiskSeverity.High, RiskDetection.Hard, "human_in_the_loop", true)]
    [InlineData(RiskSeverity.High, RiskDetection.NearImpossible, "human_in_the_loop,rag,citations,grounded_checks,monitoring", false)]
    [InlineData(RiskSeverity.Critical, RiskDetection.Easy, "human_in_the_loop,rag,citations,grounded_checks,monitoring,incident_response", true)]
    [InlineData(RiskSeverity.Critical, RiskDetection.Moderate, "human_in_the_loop,rag,citations,grounded_checks,monitoring,incident_response", true)]
    [InlineData(RiskSeverity.Critical, RiskDetection.Hard, "human_in_the_loop,rag,citations,grounded_checks,monitoring,incident_response", true)]
    [InlineData(RiskSeverity.Critical, RiskDetection.NearImpossible, "human_in_the_loop,rag,citations,grounded_checks,monitoring,incident_response", true)]
    public void Strategy_EveryCell_RequiresItsMitigations(RiskSeverity severity, RiskDetection detection, string mitigations, bool fromFramework)
    {
        var strategy = RiskMatrix.Strategy(severity, detection);

        Assert.Equal(severity, strategy.Severity);
        Assert.Equal(detection, strategy.Detection);
        Assert.Equal(mitigations.Split(','), strategy.Mitigations);
        Assert.Equal(fromFramework, strategy.FromFramework);
        Assert.Equal(severity == RiskSeverity.Critical, strategy.ReconsiderAi);
        Assert.Equal(detection == RiskDetection.NearImpossible && severity != RiskSeverity.Critical, strategy.Caution is not null);
    }

    [Theory]
    [InlineData(RiskSeverity.Low, RiskDetection.Easy, "Basic guardrails")]
    [InlineData(RiskSeverity.Low, RiskDetection.Hard, "Confidence indicators")]
    [InlineData(RiskSeverity.Medium, RiskDetection.Easy, "RAG + source citations")]
    [InlineData(RiskSeverity.Medium, RiskDetection.Hard, "RAG + human spot-checks + monitoring")]
    [InlineData(RiskSeverity.High, RiskDetection.Easy, "RAG + constrained outputs + user confirmation")]
    [InlineData(RiskSeverity.High, RiskDetection.Hard, "Human in the loop")]
    [InlineData(RiskSeverity.Critical, RiskDetection.Moderate, "Reconsider whether AI is appropriate")]
    public void Strategy_FrameworkCells_KeepTheFrameworksNames(RiskSeverity severity, RiskDetection detection, string name)
    {
        Assert.Equal(name, RiskMatrix.Strategy(severity, detection).Name);
    }

    [Fact]
    public void All_SixteenCells_EachOnceInSeverityMajorOrder()
    {
        var cells = RiskMatrix.All;

        Assert.Equal(16, cells.Count);
        Assert.Equal(16, cells.Select(c => (c.Severity, c.Detection)).Distinct().Count());
        Assert.Equal((RiskSeverity.Low, RiskDetection.Easy), (cells[0].Severity, cells[0].Detection));
        Assert.Equal((RiskSeverity.Critical, RiskDetection.NearImpossible), (cells[15].Severity, cells[15].Detection));
    }

    [Fact]
    public void All_EveryRequiredMitigation_IsInTheVocabulary()
    {
        foreach (var id in RiskMatrix.All.SelectMany(c => c.Mitigations))
        {
            Assert.Contains(id, MitigationIds.All);
            Assert.Equal(id, Mitigations.Get(id).Id);
        }

        Assert.Equal(MitigationIds.All, Mitigations.All.Select(m => m.Id));
    }

    [Fact]
    public void Strategy_NearImpossibleColumn_RequiresAtLeastTheHardStrategyOrAHumanInTheLoop()
    {
        foreach (var severity in RiskMatrix.Severities)
        {
            var hard = RiskMatrix.Strategy(severity, RiskDetection.Hard).Mitigations;
            var nearImpossible = RiskMatrix.Strategy(severity, RiskDetection.NearImpossible).Mitigations;

            Assert.All(hard, id => Assert.Contains(id, nearImpossible));
            Assert.True(nearImpossible.Count > hard.Count || severity == RiskSeverity.Critical, $"{severity}: near-impossible must escalate the hard strategy");
        }
    }

    [Fact]
    public void Strategy_ModerateColumn_IsTheEasyStrategyPlusSourcesOrVerification()
    {
        foreach (var severity in RiskMatrix.Severities.Where(s => s != RiskSeverity.Critical))
        {
            var easy = RiskMatrix.Strategy(severity, RiskDetection.Easy).Mitigations;
            var moderate = RiskMatrix.Strategy(severity, RiskDetection.Moderate).Mitigations;

            Assert.All(easy, id => Assert.Contains(id, moderate));
            Assert.Contains(MitigationIds.Citations, moderate);
            Assert.True(moderate.Count > easy.Count || severity == RiskSeverity.Medium && moderate.Contains(MitigationIds.GroundedChecks));
        }
    }

    [Theory]
    [InlineData("low", RiskSeverity.Low)]
    [InlineData("critical", RiskSeverity.Critical)]
    public void RiskLevels_SeverityNames_RoundTrip(string name, RiskSeverity level)
    {
        Assert.True(RiskLevels.TryParseSeverity(name, out var parsed));
        Assert.Equal(level, parsed);
        Assert.Equal(name, RiskLevels.Name(level));
    }

    [Fact]
    public void RiskLevels_NearImpossible_RoundTripsWithItsHyphen()
    {
        Assert.True(RiskLevels.TryParseDetection("near-impossible", out var parsed));
        Assert.Equal(RiskDetection.NearImpossible, parsed);
        Assert.Equal("near-impossible", RiskLevels.Name(RiskDetection.NearImpossible));
        Assert.False(RiskLevels.TryParseDetection("impossible", out _));
    }
}
