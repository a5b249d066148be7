using Shipgate.Calibration;
using Shipgate.Runs;

namespace Shipgate.Tests.Calibration;

public sealed class ReviewSamplerTests
{
    private static ResultRecord R(string caseId, string tag, double score, string? error = null) => new()
    {
        RunId = "r",
        CandidateId = "c",
        CaseId = caseId,
        Repeat = 0,
        Score = score,
        Pass = score >= 1,
        Tags = [tag],
        Output = error is null ? "answer" : null,
        Error = error,
        CompletedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Sample_CoversEveryTagAndScoreLevelBeforeRepeatingOne()
    {
        var results = new List<ResultRecord>();
        results.AddRange(Enumerable.Range(0, 30).Select(i => R($"h{i}", "happy", 1)));
        results.Add(R("h-fail", "happy", 0));
        results.Add(R("e1", "edge", 0.5));
        results.Add(R("a1", "adversarial", 0));

        var sample = ReviewSampler.Sample(results, [], "ana", 4);

        Assert.Equal(4, sample.Count);
        Assert.Contains(sample, r => r.CaseId == "h-fail");
        Assert.Contains(sample, r => r.CaseId == "e1");
        Assert.Contains(sample, r => r.CaseId == "a1");
    }

    [Fact]
    public void Sample_SkipsErrorsAndWhatThisLabelerAlreadyScored()
    {
        var results = new[] { R("x", "happy", 1), R("y", "happy", 1), R("z", "happy", 0, error: "boom") };
        var labels = new[] { new HumanLabel { RunId = "r", CandidateId = "c", CaseId = "x", Score = 4, Labeler = "ana", CreatedAt = DateTimeOffset.UnixEpoch } };

        var mine = ReviewSampler.Sample(results, labels, "ana", 10);
        var theirs = ReviewSampler.Sample(results, labels, "bo", 10);

        Assert.Equal(["y"], mine.Select(r => r.CaseId));
        Assert.Equal(2, theirs.Count);
    }

    [Fact]
    public void Sample_SameSeed_SameSample()
    {
        var results = Enumerable.Range(0, 50).Select(i => R($"c{i}", i % 2 == 0 ? "happy" : "edge", i % 3 / 2.0)).ToList();

        Assert.Equal(
            ReviewSampler.Sample(results, [], "ana", 10).Select(r => r.CaseId),
            ReviewSampler.Sample(results, [], "ana", 10).Select(r => r.CaseId));
    }
}
