using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class TokenCounterTests
{
    [Fact]
    public void Count_HelloWorldForGpt4o_IsTwoTokens() => Assert.Equal(2, TokenCounter.Count("hello world", "gpt-4o"));

    [Fact]
    public void Count_EmptyOrNull_IsZero()
    {
        Assert.Equal(0, TokenCounter.Count(null));
        Assert.Equal(0, TokenCounter.Count(""));
    }

    [Fact]
    public void Count_Cl100kModel_UsesTheOlderVocabulary()
    {
        // "tokenization" splits differently in the two vocabularies; both are deterministic.
        var text = "Refunds are available within 14 days of the first payment. Renewals: 7 days.";
        Assert.Equal(TokenCounter.Count(text, "gpt-4"), TokenCounter.Count(text, "openai:gpt-3.5-turbo"));
        Assert.True(TokenCounter.Count(text, "gpt-4o") > 10);
    }

    [Theory]
    [InlineData("gpt-4o", TokenCounter.O200k)]
    [InlineData("openai/gpt-4o-mini", TokenCounter.O200k)]
    [InlineData("gpt-4.1-nano", TokenCounter.O200k)]
    [InlineData("o3-mini", TokenCounter.O200k)]
    [InlineData("gpt-4", TokenCounter.Cl100k)]
    [InlineData("gpt-4-turbo", TokenCounter.Cl100k)]
    [InlineData("openai:gpt-3.5-turbo", TokenCounter.Cl100k)]
    [InlineData("claude-haiku-4-5", TokenCounter.O200k)]
    [InlineData(null, TokenCounter.O200k)]
    public void EncodingFor_Model_PicksItsVocabulary(string? model, string expected) => Assert.Equal(expected, TokenCounter.EncodingFor(model));
}
