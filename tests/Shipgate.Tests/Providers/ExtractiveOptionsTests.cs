using Microsoft.Extensions.AI;
using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

/// <summary>The local:extractive variant options, parsed and applied with the real MiniLM model.</summary>
public sealed class ExtractiveOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env());

    public ExtractiveOptionsTests()
    {
        _dir.Write("knowledge/policies.md", """
            # Refunds

            Refunds are available within 30 days of purchase. The money goes back to the original payment method. Gift cards are never refunded. Ask support if a refund is late.

            # Shipping

            Orders ship within two business days. International delivery takes one to three weeks.

            # Passwords

            To reset your password, open Settings, choose Security and click "Reset password". A reset link arrives by email.
            """);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private async Task<string> AnswerAsync(Dictionary<string, string>? options)
    {
        var client = _factory.Create(
            ProviderTestSpecs.Candidate("local:extractive", options: options),
            ProviderTestSpecs.Feature(_dir.Path, [Path.Combine(_dir.Path, "knowledge/policies.md")]));
        var response = await client.GetResponseAsync([new(ChatRole.User, "Customer question: can I get a refund of my purchase?")]);
        return response.Text;
    }

    [Fact]
    public void Parse_NoOptions_KeepsTheDefaults()
    {
        var options = ExtractiveOptions.Parse(new Dictionary<string, string>(), m => new InvalidOperationException(m));

        Assert.Equal(ExtractiveChatClient.DefaultMinScore, options.MinScore);
        Assert.Null(options.Passages);
        Assert.Null(options.MaxSentences);
        Assert.Null(options.BestSentences);
    }

    [Theory]
    [InlineData("passages", "0")]
    [InlineData("max_sentences", "two")]
    [InlineData("best_sentences", "51")]
    public void Parse_BadCount_ErrorNamesTheOption(string key, string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ExtractiveOptions.Parse(new Dictionary<string, string> { [key] = value }, m => new InvalidOperationException(m)));

        Assert.Contains($"options.{key} '{value}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Passages_AnswersWithMoreOfTheKnowledge()
    {
        var single = await AnswerAsync(null);
        // min_score -1 lets every passage through, so the count alone decides.
        var three = await AnswerAsync(new() { ["passages"] = "3", ["min_score"] = "-1" });

        Assert.Contains("30 days", single, StringComparison.Ordinal);
        Assert.Contains("30 days", three, StringComparison.Ordinal);
        Assert.True(three.Length > single.Length);
        Assert.Contains("Reset password", three, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_MaxSentences_KeepsTheFirstSentences()
    {
        var answer = await AnswerAsync(new() { ["max_sentences"] = "1" });

        Assert.StartsWith("Refunds are available within 30 days of purchase.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Gift cards", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_BestSentences_KeepsTheClosestInReadingOrder()
    {
        var answer = await AnswerAsync(new() { ["best_sentences"] = "2" });

        Assert.Equal(2, ExtractiveChatClient.Sentences(answer).Count());
        Assert.Contains("refund", answer, StringComparison.OrdinalIgnoreCase);
    }
}
