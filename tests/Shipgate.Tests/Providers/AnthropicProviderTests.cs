using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Testing;

namespace Shipgate.Tests.Providers;

public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private StubModelServer _server = null!;
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env(("ANTHROPIC_API_KEY", "ak-test")));

    public async Task InitializeAsync() => _server = await StubModelServer.StartAsync(new StubServerOptions { CachedTokens = _ => 1 });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _factory.Dispose();
        _dir.Dispose();
    }

    private IChatClient Client(ModelSettings? settings = null) =>
        _factory.Create(ProviderTestSpecs.Candidate("anthropic:claude-test", _server.BaseUrl, settings), ProviderTestSpecs.Feature(_dir.Path));

    private static List<ChatMessage> Prompt(string user) => [new(ChatRole.System, "be brief"), new(ChatRole.User, user)];

    [Fact]
    public async Task GetResponseAsync_NonStreaming_ReturnsTextUsageAndSendsSettings()
    {
        var settings = new ModelSettings { Temperature = 0.5f, MaxTokens = 99, TopP = 0.8f, Stop = ["END"] };

        var response = await Client(settings).GetResponseAsync(Prompt("hello there"), settings.ToChatOptions("claude-test"));

        Assert.Equal("Echo: hello there", response.Text);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.NotNull(response.Usage?.InputTokenCount);
        Assert.Equal(1, response.Usage?.CachedInputTokenCount);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("anthropic", request.Api);
        Assert.Equal("claude-test", request.Model);
        Assert.Equal(99, request.MaxTokens);
        Assert.Equal(0.5, request.Temperature!.Value, 3);
        Assert.Equal(0.8, request.TopP!.Value, 3);
        Assert.Equal(["END"], request.Stop);
        Assert.Equal("user", request.Messages[^1].Role);
        Assert.Contains(request.Messages, m => m.Role == "system" && m.Content == "be brief");
        Assert.True(request.ApiKey == "ak-test" || request.Authorization == "Bearer ak-test");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Streaming_ReturnsTextAndOutputTokens()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync(Prompt("one two three")))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Echo: one two three", response.Text);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    [Fact]
    public async Task GetResponseAsync_429WithRetryAfter_ThrowsRateLimitedWithRetryAfter()
    {
        _server.EnqueueFaults(StubFault.Status(429, retryAfterSeconds: 3));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetResponseAsync_529Overloaded_ThrowsUnavailableWithoutRetrying()
    {
        _server.EnqueueFaults(StubFault.Status(529));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetResponseAsync_403_ThrowsAuthNamingTheKeyVariable()
    {
        _server.EnqueueFaults(StubFault.Status(403));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Auth, ex.Kind);
        Assert.Contains("ANTHROPIC_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ServerSlowerThanRunTimeout_ThrowsTimeout()
    {
        _server.EnqueueFaults(StubFault.Delay(TimeSpan.FromSeconds(10)));
        var client = _factory.Create(ProviderTestSpecs.Candidate("anthropic:claude-test", _server.BaseUrl), ProviderTestSpecs.Feature(_dir.Path, timeout: TimeSpan.FromMilliseconds(300)));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => client.GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public void Create_DefaultEndpointWithoutKey_ThrowsAskingForAnthropicApiKey()
    {
        var factory = new ProviderFactory(ProviderTestSpecs.Env());

        var ex = Assert.Throws<ProviderException>(() => factory.Create(ProviderTestSpecs.Candidate("anthropic:claude-test"), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Contains("set ANTHROPIC_API_KEY", ex.Message, StringComparison.Ordinal);
    }
}
