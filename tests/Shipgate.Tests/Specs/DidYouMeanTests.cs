using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("asserts", "assertions")]
    [InlineData("min_pass_rat", "min_pass_rate")]
    [InlineData("temprature", "temperature")]
    [InlineData("Provider", "provider")]
    public void Suggest_CloseWord_ReturnsIt(string written, string expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(written, ["assertions", "min_pass_rate", "temperature", "provider", "prompt"]));
    }

    [Fact]
    public void Suggest_FarWord_ReturnsNull()
    {
        Assert.Null(DidYouMean.Suggest("banana", ["assertions", "provider"]));
    }

    [Fact]
    public void Hint_NoCloseWord_ListsOptions()
    {
        Assert.Equal("allowed keys: a, b", DidYouMean.Hint("zzzzzz", ["a", "b"], "allowed keys"));
    }

    [Fact]
    public void Distance_Transposition_CountsOne()
    {
        Assert.Equal(1, DidYouMean.Distance("teh", "the"));
    }
}
