using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Testing;

namespace Shipgate.Tests.Providers;

/// <summary>The token limit reaches servers that know only <c>max_tokens</c> (docs/providers.md, "token limit").</summary>
public sealed class MaxTokensFieldTests : IAsyncLifetime
{
    private StubModelServer _server = null!;
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env(("OPENAI_API_KEY", "sk-test")));

    // Like an older vLLM or llama.cpp server: the newer field is an unknown argument, answered with 400.
    public async Task InitializeAsync() => _server = await StubModelServer.StartAsync(new StubServerOptions { RejectedFields = ["max_completion_tokens"] });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _factory.Dispose();
        _dir.Dispose();
    }

    private async Task<ChatResponse> AskAsync(Dictionary<string, string>? options = null, bool stream = false)
    {
        var settings = new ModelSettings { MaxTokens = 42 };
        var client = _factory.Create(ProviderTestSpecs.Candidate("openai:gpt-test", _server.BaseUrl, settings, options: options), ProviderTestSpecs.Feature(_dir.Path));
        List<ChatMessage> prompt = [new(ChatRole.User, "hello")];
        return stream
            ? await client.GetStreamingResponseAsync(prompt, settings.ToChatOptions("gpt-test")).ToChatResponseAsync()
            : await client.GetResponseAsync(prompt, settings.ToChatOptions("gpt-test"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CustomBaseUrl_ServerKnowsOnlyMaxTokens_SendsMaxTokensAndSucceeds(bool stream)
    {
        var response = await AskAsync(stream: stream);

        Assert.Equal("Echo: hello", response.Text);
        var request = Assert.Single(_server.Requests);
        Assert.Contains("\"max_tokens\":42", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("max_completion_tokens", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionMaxCompletionTokens_SendsTheNewerFieldAndTheServerRefusesIt()
    {
        await Assert.ThrowsAsync<ProviderException>(() => AskAsync(new() { ["max_tokens_field"] = "max_completion_tokens" }));

        Assert.Contains("\"max_completion_tokens\":42", Assert.Single(_server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenLimitField_DefaultsByEndpointAndRejectsUnknownValues()
    {
        var custom = ProviderTestSpecs.Candidate("openai:m", "http://localhost:11434/v1");
        Assert.Equal("max_tokens", OpenAiProvider.TokenLimitField(custom, new Uri("http://localhost:11434/v1"), azure: false));
        Assert.Equal("max_completion_tokens", OpenAiProvider.TokenLimitField(custom, new Uri("https://api.openai.com/v1"), azure: false));
        Assert.Equal("max_completion_tokens", OpenAiProvider.TokenLimitField(custom, new Uri("https://r.openai.azure.com"), azure: true));

        var bad = ProviderTestSpecs.Candidate("openai:m", options: new() { ["max_tokens_field"] = "max_output_tokens" });
        var e = Assert.Throws<ProviderException>(() => OpenAiProvider.TokenLimitField(bad, new Uri("http://localhost/v1"), azure: false));
        Assert.Contains("max_tokens or max_completion_tokens", e.Message, StringComparison.Ordinal);
    }
}
