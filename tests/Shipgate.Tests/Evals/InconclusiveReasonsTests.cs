using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Tests.Evals;

public sealed class InconclusiveReasonsTests
{
    private static AssertionOutcome Lost(string reason) => new("rubric", false, 0, reason) { Inconclusive = true };

    [Fact]
    public void Group_SameCauseFromDifferentJudges_OneReasonCountedMostFrequentFirst()
    {
        var reasons = InconclusiveReasons.Group(
        [
            Lost("inconclusive (judge-a): judge call failed: HTTP 500 Internal Server Error; never counted as a pass"),
            Lost("inconclusive (judge-b): judge call failed: HTTP 500 Internal Server Error; never counted as a pass"),
            Lost("inconclusive: no reference: add 'reference:' to the case"),
            new AssertionOutcome("rubric", true, 1, "rubric mean 4.50 ≥ 4.00"),
        ]);

        Assert.Equal(
            [new ReasonCount("judge call failed: HTTP 500 Internal Server Error", 2), new ReasonCount("no reference: add 'reference:' to the case", 1)],
            reasons);
        Assert.Equal("judge call failed: HTTP 500 Internal Server Error (2); no reference: add 'reference:' to the case (1)", InconclusiveReasons.Describe(reasons));
    }
}
