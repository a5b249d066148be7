using Shipgate.Evals;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals;

/// <summary>The gate's verdict semantics: lost evidence, strict and inclusive bounds, safety denominators, approximate groundedness.</summary>
public sealed class ShipGateEvidenceTests
{
    private static CandidateSummary Judged(double? mean, int verdicts, int inconclusive) => new()
    {
        CandidateId = "c",
        Provider = "openai:m",
        Total = verdicts,
        Passed = verdicts - inconclusive,
        PassRate = 1,
        RubricJudged = verdicts - inconclusive,
        RubricMean = mean,
        RubricMeanCi = mean is { } m ? new Interval(m - 0.01, m + 0.01) : default,
        RubricVerdicts = verdicts,
        RubricInconclusive = inconclusive,
        InconclusiveReasons = inconclusive == 0 ? [] : [new ReasonCount("judge call failed: HTTP 500", inconclusive)],
        Judges = ["openai:gpt-4o"],
        Verdict = new GateVerdict(false, [], []),
    };

    [Fact]
    public void Evaluate_OnlyMinRubricMeanAndMostVerdictsInconclusive_NoShipNamesWhatWasLostAndWhy()
    {
        // No max_inconclusive_rate declared: the default cap applies.
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0 }, Judged(4.5, verdicts: 10, inconclusive: 8), pending: 0);

        Assert.False(verdict.Ship);
        Assert.Contains(verdict.Checks, c => c.Name == "rubric mean" && c.Pass && c.Measured.Contains("2 judged; 8 inconclusive not counted", StringComparison.Ordinal));
        var lost = Assert.Single(verdict.Checks, c => c.Name == "inconclusive verdicts");
        Assert.False(lost.Pass);
        Assert.Equal("≤ 0.05 (default); none below 30 judged", lost.Threshold);
        Assert.StartsWith("not enough evidence: 8 of 10 rubric verdicts lost (80.0%, more than the 5.0% cap)", lost.Measured, StringComparison.Ordinal);
        Assert.Contains("judge call failed: HTTP 500 (8)", lost.Measured, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(20, true)]
    public void Evaluate_UnderTheCapButBelowTheMinimumSample_AnyInconclusiveIsNotEnoughEvidence(int? minJudged, bool ship)
    {
        // 1 of 25 lost is 4%, under the 5% cap, but 24 judged is below the default minimum sample of 30.
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0, MinJudged = minJudged }, Judged(4.5, verdicts: 25, inconclusive: 1), pending: 0);

        Assert.Equal(ship, verdict.Ship);
        if (!ship)
        {
            Assert.Contains(verdict.Checks, c => c.Name == "inconclusive verdicts" && c.Measured.Contains("fewer than 30, gate.min_judged", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Evaluate_NothingLost_DefaultCapPasses()
    {
        var verdict = ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0 }, Judged(4.5, verdicts: 5, inconclusive: 0), pending: 0);

        Assert.True(verdict.Ship);
    }

    [Fact]
    public void Evaluate_MeanMathematicallyFour_PassesInclusiveAndMissesStrictPrintingTheOperator()
    {
        // The mean of these scores is 4.0 on paper and 3.9999999999999996 when summed in doubles.
        var sum = 0.0;
        foreach (var score in new[] { 3.0, 3.8, 4.6, 4.6 })
        {
            sum += score;
        }

        var mean = sum / 4;
        Assert.NotEqual(4.0, mean);

        var inclusive = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { MinRubricMean = 4.0 }, Judged(mean, 40, 0), 0).Checks, c => c.Name == "rubric mean");
        var strict = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { RubricMeanAbove = 4.0 }, Judged(mean, 40, 0), 0).Checks, c => c.Name == "rubric mean");

        Assert.True(inclusive.Pass);
        Assert.Equal("≥ 4.00", inclusive.Threshold);
        Assert.False(strict.Pass);
        Assert.Equal("> 4.00", strict.Threshold);
        Assert.StartsWith("4.00 ", strict.Measured, StringComparison.Ordinal);

        // Just above: it clears, and the value is printed with enough digits to show why.
        var above = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { RubricMeanAbove = 4.0 }, Judged(4.0042, 40, 0), 0).Checks, c => c.Name == "rubric mean");
        Assert.True(above.Pass);
        Assert.StartsWith("4.0042 ", above.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SafetyTaggedAndCriterionVerdicts_SeparateCountsEachWithItsOwnDenominator()
    {
        var s = Judged(4.5, 71, 0) with
        {
            SafetyTagged = 12,
            SafetyCases = 12,
            SafetyTaggedFailed = 6,
            SafetyCriterionVerdicts = 71,
            SafetyCriterionFailures = 0,
            SafetyFailures = 6,
        };

        var check = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { MaxSafetyFailures = 0 }, s, 0).Checks, c => c.Name == "safety failures");

        Assert.False(check.Pass);
        Assert.Contains("6 of 12 safety-tagged cases failed (50.0%)", check.Measured, StringComparison.Ordinal);
        Assert.Contains("0 of 71 safety-criterion verdicts ≤ 2 (true rate ≤ 4.1% at 95%)", check.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnlyOfflinePhraseChecks_MakesNoZeroFailureClaim()
    {
        var s = Judged(4.5, 71, 0) with { SafetyPhraseChecks = 71, SafetyPhraseFlagged = 0 };

        var verdict = ShipGate.Evaluate(new ShipGateSpec { MaxSafetyFailures = 0 }, s, 0);

        var check = Assert.Single(verdict.Checks, c => c.Name == "safety failures");
        Assert.Contains("not a safety judgment, not counted", check.Measured, StringComparison.Ordinal);
        Assert.DoesNotContain("at 95%", check.Measured, StringComparison.Ordinal);
        Assert.Contains(verdict.Warnings, w => w.Contains("proves nothing", StringComparison.Ordinal) && w.Contains("offline phrase check is not a safety judgment", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SafetyTaggedErrors_AreNamedAsErrorsAndLeaveTooLittleEvidence()
    {
        var s = Judged(4.5, 40, 0) with { SafetyTagged = 12, SafetyCases = 10, SafetyTaggedErrors = 2, SafetyFailures = 0 };

        var check = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { MaxSafetyFailures = 0 }, s, 0).Checks, c => c.Name == "safety failures");

        Assert.False(check.Pass);
        Assert.StartsWith("not enough evidence: 2 of 12 safety-tagged cases lost", check.Measured, StringComparison.Ordinal);
        Assert.Contains("0 safety failures: 0 of 10 safety-tagged cases failed", check.Measured, StringComparison.Ordinal);
        Assert.Contains("2 ended in a provider error: errors, not safety failures", check.Measured, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Evaluate_ApproximateGroundednessAlone_PassesOnlyWithTheOptIn(bool optIn, bool pass)
    {
        var s = Judged(4.5, 71, 0) with
        {
            GroundednessChecked = 71,
            Hallucinated = 0,
            HallucinationRate = 0,
            HallucinationRateCi = new Interval(0, 0.05),
            HallucinationUpperBound = 0.041,
            GroundednessApproximate = true,
        };

        var check = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { MaxHallucinationRate = 0.05, AllowApproximateGroundedness = optIn }, s, 0).Checks, c => c.Name == "hallucination rate");

        Assert.Equal(pass, check.Pass);
        Assert.Equal(!optIn, check.Measured.StartsWith("approximate check only: not enough evidence (set gate.allow_approximate_groundedness: true to accept it)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_GroundednessMostlyInconclusive_NotEnoughEvidence()
    {
        var s = Judged(4.5, 10, 0) with
        {
            GroundednessChecked = 2,
            GroundednessInconclusive = 8,
            GroundednessInconclusiveReasons = [new ReasonCount("judge call failed: HTTP 500", 8)],
            HallucinationRate = 0,
            HallucinationRateCi = new Interval(0, 0.66),
            HallucinationUpperBound = 0.78,
        };

        var check = Assert.Single(ShipGate.Evaluate(new ShipGateSpec { MaxHallucinationRate = 0.8 }, s, 0).Checks, c => c.Name == "hallucination rate");

        Assert.False(check.Pass);
        Assert.StartsWith("not enough evidence: 8 of 10 groundedness verdicts lost", check.Measured, StringComparison.Ordinal);
        Assert.Contains("lost: judge call failed: HTTP 500 (8)", check.Measured, StringComparison.Ordinal);
    }
}
