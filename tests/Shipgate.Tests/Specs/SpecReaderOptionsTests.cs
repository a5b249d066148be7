using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderOptionsTests
{
    private static TempFeature Feature(string field) => new TempFeature().Write("shipgate.yaml", $$$"""
        version: 1
        feature:
          name: refunds
        prompts:
          - id: answer
            user: "Q: {{question}}"
        candidates:
          - id: local
            provider: openai:llama3.1:8b
            base_url: http://localhost:11434/v1
            options: { max_tokens_field: {{{field}}} }
        suite:
          cases:
            - { id: c1, vars: { question: "refund?" } }
        """);

    [Fact]
    public void MaxTokensField_UnknownValue_IsASpecErrorAtTheValue()
    {
        using var f = Feature("max_output_tokens");

        var error = f.SingleError();

        Assert.Equal((11, 34), (error.Location.Line, error.Location.Column));
        Assert.Contains("must be max_tokens or max_completion_tokens, got 'max_output_tokens'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_tokens")]
    [InlineData("max_completion_tokens")]
    public void MaxTokensField_KnownValue_IsKept(string field)
    {
        using var f = Feature(field);

        Assert.Equal(field, f.Load().Candidates[0].Options["max_tokens_field"]);
    }
}
