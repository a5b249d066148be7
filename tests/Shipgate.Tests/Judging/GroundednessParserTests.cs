using Shipgate.Judging;

namespace Shipgate.Tests.Judging;

public sealed class GroundednessParserTests
{
    [Fact]
    public void TryParse_FencedReplyWithNoClaims_ParsesAsEmpty()
    {
        Assert.True(GroundednessParser.TryParse("```json\n{\"claims\": []}\n```", out var claims, out _));
        Assert.Empty(claims);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "\"claims\" array")]
    [InlineData("{\"claims\":[{\"claim\":\"\",\"verdict\":\"supported\",\"evidence\":\"\"}]}", "non-empty string \"claim\"")]
    [InlineData("{\"claims\":[{\"claim\":\"x\",\"verdict\":\"Supported\",\"evidence\":\"\"}]}", "verdict of claim 1")]
    [InlineData("{\"claims\":[{\"claim\":\"x\",\"verdict\":\"not_found\"}]}", "evidence of claim 1")]
    public void TryParse_Malformed_NamesTheProblem(string raw, string problem)
    {
        Assert.False(GroundednessParser.TryParse(raw, out _, out var found));
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }
}
