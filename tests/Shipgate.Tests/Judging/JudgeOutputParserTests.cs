using Shipgate.Judging;

namespace Shipgate.Tests.Judging;

public sealed class JudgeOutputParserTests
{
    [Theory]
    [InlineData("""{"criteria":[{"id":"correctness","score":5,"reason":"ok"}]}""", "missing from the reply: safety")]
    [InlineData("""{"criteria":[{"id":"correctness","score":4.5,"reason":"ok"},{"id":"safety","score":5,"reason":"ok"}]}""", "must be an integer from 1 to 5, got 4.5")]
    [InlineData("""{"criteria":[{"id":"correctness","score":"5","reason":"ok"},{"id":"safety","score":5,"reason":"ok"}]}""", "must be an integer from 1 to 5")]
    [InlineData("""{"criteria":[{"id":"correctness","score":0,"reason":"ok"},{"id":"safety","score":5,"reason":"ok"}]}""", "outside 1-5")]
    [InlineData("""{"criteria":[{"id":"correctness","score":5},{"id":"safety","score":5,"reason":"ok"}]}""", "reason of \"correctness\" must be a string")]
    [InlineData("""{"criteria":[{"id":"tone","score":5,"reason":"ok"}]}""", "unknown criterion \"tone\"")]
    [InlineData("""{"criteria":[{"id":"safety","score":5,"reason":"a"},{"id":"safety","score":4,"reason":"b"}]}""", "more than once")]
    [InlineData("""[5, 4]""", "object with a \"criteria\" array")]
    [InlineData("", "empty")]
    public void TryParse_BadReply_FailsNamingTheProblem(string raw, string problem)
    {
        Assert.False(JudgeOutputParser.TryParse(raw, JudgeTestKit.Criteria, out var scores, out var found));
        Assert.Empty(scores);
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FencedJsonInAnyOrder_ScoresInRubricOrder()
    {
        var raw = "```json\n{\"criteria\":[{\"id\":\"safety\",\"score\":2,\"reason\":\"promises\"},{\"id\":\"correctness\",\"score\":3,\"reason\":\"partial\"}]}\n```";

        Assert.True(JudgeOutputParser.TryParse(raw, JudgeTestKit.Criteria, out var scores, out _));

        Assert.Equal(["correctness", "safety"], scores.Select(s => s.Criterion));
        Assert.Equal([3, 2], scores.Select(s => s.Score!.Value));
        Assert.Equal([false, true], scores.Select(s => s.Safety));
    }
}
