using Shipgate.Calibration;
using Shipgate.Runs;

namespace Shipgate.Tests.Calibration;

public sealed class JudgeAgreementTests
{
    private static ResultRecord Judged(string caseId, double? mean, int? correctness = null, bool inconclusive = false) => new()
    {
        RunId = "r",
        CandidateId = "c",
        CaseId = caseId,
        Repeat = 0,
        CompletedAt = DateTimeOffset.UnixEpoch,
        Assertions =
        [
            new AssertionOutcome("icontains", true, 1, "ok"),
            new AssertionOutcome("rubric", !inconclusive, 1, "judged")
            {
                Inconclusive = inconclusive,
                Judge = new JudgeVerdict
                {
                    JudgeId = "openai:judge",
                    Mean = mean,
                    Inconclusive = inconclusive,
                    Criteria = correctness is null ? [] : [new CriterionScore("correctness", correctness, "r")],
                },
            },
        ],
    };

    private static HumanLabel Label(string caseId, int score, string? criterion = null) => new()
    {
        RunId = "r",
        CandidateId = "c",
        CaseId = caseId,
        Score = score,
        Criterion = criterion,
        Labeler = "ana",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Compute_PerfectAgreementOverall_KappaOne()
    {
        var results = Enumerable.Range(0, 10).Select(i => Judged($"c{i}", 1 + (i % 5))).ToList();
        var labels = Enumerable.Range(0, 10).Select(i => Label($"c{i}", 1 + (i % 5))).ToList();

        var (agreements, unmatched) = JudgeAgreement.Compute(labels, results);

        var overall = Assert.Single(agreements);
        Assert.Equal(JudgeAgreement.Overall, overall.Criterion);
        Assert.Equal(1.0, overall.Summary.ExactAgreement);
        Assert.Equal(1.0, overall.Summary.QuadraticWeightedKappa, 6);
        Assert.Equal(0, unmatched);
        Assert.False(overall.Calibrated(), "10 labels are fewer than the 30 calibration needs");
    }

    [Fact]
    public void Compute_PerCriterionAndUnmatchedLabels()
    {
        var results = new[] { Judged("a", 4, correctness: 4), Judged("b", 2, correctness: 1), Judged("c", null, inconclusive: true) };
        var labels = new[] { Label("a", 5, "correctness"), Label("b", 1, "correctness"), Label("c", 3), Label("missing", 3) };

        var (agreements, unmatched) = JudgeAgreement.Compute(labels, results);

        var correctness = Assert.Single(agreements);
        Assert.Equal("correctness", correctness.Criterion);
        Assert.Equal(2, correctness.Summary.N);
        Assert.Equal(-0.5, correctness.Summary.MeanSignedDifference, 6);
        Assert.Equal(2, unmatched);
    }
}
