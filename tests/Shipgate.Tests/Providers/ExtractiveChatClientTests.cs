using Microsoft.Extensions.AI;
using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

/// <summary>local:extractive over a small knowledge folder, with the real MiniLM model.</summary>
public sealed class ExtractiveChatClientTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env());

    public ExtractiveChatClientTests()
    {
        _dir.Write("knowledge/policies.md", """
            # Refunds

            Refunds are available within 30 days of purchase. The money goes back to the original payment method.

            # Shipping

            Orders ship within two business days. International delivery takes one to three weeks.
            """);
        _dir.Write("knowledge/account.md", """
            ## Passwords

            To reset your password, open Settings, choose Security and click "Reset password". A reset link arrives by email.
            """);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private IChatClient Client() => _factory.Create(
        ProviderTestSpecs.Candidate("local:extractive"),
        ProviderTestSpecs.Feature(_dir.Path, [Path.Combine(_dir.Path, "knowledge/policies.md"), Path.Combine(_dir.Path, "knowledge/account.md")]));

    [Theory]
    [InlineData("Customer question: How long do I have to ask for my money back?", "30 days")]
    [InlineData("Customer question: I forgot my password, what do I do?", "Reset password")]
    [InlineData("Customer question: How long does delivery abroad take?", "one to three weeks")]
    public async Task GetResponseAsync_Question_AnswersWithTheMatchingPassage(string question, string expected)
    {
        var response = await Client().GetResponseAsync([new(ChatRole.System, "Answer from the docs."), new(ChatRole.User, question)]);

        Assert.Contains(expected, response.Text, StringComparison.Ordinal);
        Assert.Equal("local:extractive", response.ModelId);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public async Task GetResponseAsync_SameQuestionTwice_IsDeterministic()
    {
        var client = Client();
        List<ChatMessage> prompt = [new(ChatRole.User, "Where does my refund go?")];

        var first = await client.GetResponseAsync(prompt);
        var second = await Client().GetResponseAsync(prompt);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Usage?.OutputTokenCount, second.Usage?.OutputTokenCount);
    }

    [Fact]
    public void Create_NoKnowledgeFiles_ThrowsAskingForKnowledge()
    {
        var ex = Assert.Throws<ProviderException>(() => _factory.Create(ProviderTestSpecs.Candidate("local:extractive"), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Contains("knowledge:", ex.Message, StringComparison.Ordinal);
    }
}
