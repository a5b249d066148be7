using Shipgate.Evals.Assertions;
using Shipgate.Runs;

namespace Shipgate.Tests.Evals.Assertions;

public sealed class CaseScorerTests
{
    [Fact]
    public void Score_NoAssertions_PassesWithOneAndSaysSo()
    {
        var result = CaseScorer.Score([], caseThreshold: null);
        Assert.True(result.Pass);
        Assert.Equal(1, result.Score);
        Assert.True(result.NoAssertions);
    }

    [Fact]
    public void Score_WeightedMean_UsesWeights()
    {
        AssertionOutcome[] outcomes = [new("contains", true, 1, "", 3), new("similar", false, 0.5, "", 1)];
        var (pass, score) = CaseScorer.Score(outcomes, caseThreshold: null);
        Assert.False(pass);
        Assert.Equal(0.875, score, 9);
        Assert.False(CaseScorer.Score(outcomes, null).NoAssertions);
    }

    [Fact]
    public void Score_WithThreshold_PassesWhenScoreReachesItDespiteAFailure()
    {
        AssertionOutcome[] outcomes = [new("contains", true, 1, "", 3), new("similar", false, 0.5, "", 1)];
        Assert.True(CaseScorer.Score(outcomes, 0.875).Pass);
        Assert.False(CaseScorer.Score(outcomes, 0.9).Pass);
    }

    [Fact]
    public void Score_AllPassNoThreshold_Passes()
    {
        AssertionOutcome[] outcomes = [new("a", true, 1, ""), new("b", true, 1, "")];
        Assert.True(CaseScorer.Score(outcomes, null).Pass);
    }

    [Fact]
    public void Score_AllWeightsZero_FallsBackToPlainMean()
    {
        AssertionOutcome[] outcomes = [new("a", true, 1, "", 0), new("b", false, 0, "", 0)];
        Assert.Equal(0.5, CaseScorer.Score(outcomes, null).Score, 9);
    }
}
