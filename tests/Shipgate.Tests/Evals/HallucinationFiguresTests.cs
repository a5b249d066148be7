using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals;

public sealed class HallucinationFiguresTests
{
    private static RunRecord Run(int cases) => new()
    {
        Id = "r1",
        Feature = "f",
        StartedAt = DateTimeOffset.UnixEpoch,
        SpecHash = "",
        Candidates = [new PlannedCandidate("x", "openai:m", "{}")],
        CaseIds = [.. Enumerable.Range(0, cases).Select(i => "c" + i)],
        Repeats = 1,
        Status = RunStatus.Completed,
    };

    /// <summary>A result with one grounded outcome: hallucinated (failed), grounded (passed) or inconclusive.</summary>
    private static ResultRecord Result(int i, bool hallucinated, bool inconclusive = false, bool approximate = true) => new()
    {
        RunId = "r1",
        CaseId = "c" + i,
        CandidateId = "x",
        Repeat = 0,
        Pass = !hallucinated && !inconclusive,
        Score = hallucinated ? 0.5 : 1,
        CompletedAt = DateTimeOffset.UnixEpoch,
        Assertions =
        [
            new AssertionOutcome(AssertionTypes.Grounded, !hallucinated && !inconclusive, hallucinated ? 0.5 : 1, "r")
            {
                Inconclusive = inconclusive,
                // A conclusive verdict has checked at least one claim (an output with none is no clean check).
                Judge = new JudgeVerdict
                {
                    JudgeId = JudgeSpec.LocalReference,
                    ReferenceBased = approximate,
                    Inconclusive = inconclusive,
                    Mean = inconclusive ? null : 4,
                    Criteria = inconclusive ? [] : [new CriterionScore("claim 1: Plus costs $4 per month.", hallucinated ? 3 : 5, hallucinated ? "not found" : "supported")],
                },
            },
        ],
    };

    [Fact]
    public void Build_ThreeOf71Hallucinated_RateWithWilsonIntervalAndLabel()
    {
        var results = Enumerable.Range(0, 71).Select(i => Result(i, hallucinated: i < 3)).ToList();

        var c = Assert.Single(EvalReportBuilder.Build(Run(71), results, null).Candidates);

        Assert.Equal(71, c.GroundednessChecked);
        Assert.Equal(3, c.Hallucinated);
        Assert.Equal(3 / 71.0, c.HallucinationRate, 12);
        Assert.Equal(0.0144733, c.HallucinationRateCi.Low, 6);
        Assert.Equal(0.1170242, c.HallucinationRateCi.High, 6);
        Assert.Null(c.HallucinationUpperBound);
        Assert.True(c.GroundednessApproximate);
        Assert.Equal("hallucination rate 4.2% [1.4%, 11.7%] (3 of 71; approximate, embedding-based)", HallucinationFigures.Describe(c));

        // Groundedness verdicts never mix into the rubric figures.
        Assert.Equal(0, c.RubricVerdicts);
        Assert.Null(c.RubricMean);
    }

    [Fact]
    public void Build_NoneOf50Hallucinated_GivesExactZeroFailureBound()
    {
        var results = Enumerable.Range(0, 50).Select(i => Result(i, hallucinated: false, approximate: false)).ToList();

        var c = Assert.Single(EvalReportBuilder.Build(Run(50), results, null).Candidates);

        Assert.Equal(0, c.HallucinationRate);
        Assert.Equal(1 - Math.Pow(0.05, 1 / 50.0), c.HallucinationUpperBound!.Value, 12);
        Assert.Equal("hallucination rate 0.0% [0.0%, 7.1%] (0 of 50; ≤ 5.8% at 95%)", HallucinationFigures.Describe(c));
    }

    [Fact]
    public void Build_InconclusiveVerdicts_LeftOutOfTheRateAndCounted()
    {
        List<ResultRecord> results = [Result(0, hallucinated: true), Result(1, hallucinated: false), Result(2, hallucinated: false, inconclusive: true)];

        var c = Assert.Single(EvalReportBuilder.Build(Run(3), results, null).Candidates);

        Assert.Equal(2, c.GroundednessChecked);
        Assert.Equal(1, c.Hallucinated);
        Assert.Equal(1, c.GroundednessInconclusive);
        Assert.Contains("1 inconclusive, not counted", HallucinationFigures.Describe(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoGroundedAssertions_NothingToDescribe()
    {
        var result = Result(0, hallucinated: false) with { Assertions = [new AssertionOutcome("contains", true, 1, "ok")] };

        var c = Assert.Single(EvalReportBuilder.Build(Run(1), [result], null).Candidates);

        Assert.Equal(0, c.GroundednessChecked);
        Assert.Null(HallucinationFigures.Describe(c));
    }

    [Theory]
    [InlineData(3, 100, 0.05, true, true)]
    [InlineData(1, 300, 0.05, true, false)]
    [InlineData(3, 20, 0.20, true, true)]
    [InlineData(10, 100, 0.05, false, false)]
    public void Evaluate_MaxHallucinationRate_PassesAtOrBelowAndWarnsWhenIntervalExceeds(int hallucinated, int n, double max, bool pass, bool warns)
    {
        var (low, high) = Shipgate.Statistics.Proportion.Wilson(hallucinated, n);
        var summary = new CandidateSummary
        {
            CandidateId = "x",
            Provider = "openai:m",
            Total = n,
            GroundednessChecked = n,
            Hallucinated = hallucinated,
            HallucinationRate = (double)hallucinated / n,
            HallucinationRateCi = new Interval(low, high),
            Verdict = new GateVerdict(false, [], []),
        };

        var verdict = ShipGate.Evaluate(new ShipGateSpec { MaxHallucinationRate = max }, summary, pending: 0);

        var check = Assert.Single(verdict.Checks);
        Assert.Equal("hallucination rate", check.Name);
        Assert.Equal(pass, check.Pass);
        Assert.Contains($"({hallucinated} of {n})", check.Measured, StringComparison.Ordinal);
        Assert.Equal(warns, verdict.Warnings.Any(w => w.StartsWith("hallucination rate", StringComparison.Ordinal)));
    }
}
