using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Testing;

namespace Shipgate.Tests.Providers;

public sealed class OpenAiProviderTests : IAsyncLifetime
{
    private StubModelServer _server = null!;
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env(("OPENAI_API_KEY", "sk-test")));

    public async Task InitializeAsync() => _server = await StubModelServer.StartAsync(new StubServerOptions { CachedTokens = _ => 2 });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _factory.Dispose();
        _dir.Dispose();
    }

    private IChatClient Client(ModelSettings? settings = null, TimeSpan? timeout = null) =>
        _factory.Create(ProviderTestSpecs.Candidate("openai:gpt-test", _server.BaseUrl, settings), ProviderTestSpecs.Feature(_dir.Path, timeout: timeout));

    private static List<ChatMessage> Prompt(string user) => [new(ChatRole.System, "be brief"), new(ChatRole.User, user)];

    [Fact]
    public async Task GetResponseAsync_NonStreaming_ReturnsTextAndUsage()
    {
        var settings = new ModelSettings { Temperature = 0.3f, MaxTokens = 77, TopP = 0.9f, Seed = 7, Stop = ["END"] };
        var response = await Client(settings).GetResponseAsync(Prompt("hello there world"), settings.ToChatOptions("gpt-test"));

        Assert.Equal("Echo: hello there world", response.Text);
        Assert.Equal(5, response.Usage?.InputTokenCount);   // "be brief" + "hello there world"
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(2, response.Usage?.CachedInputTokenCount);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("gpt-test", request.Model);
        Assert.Equal(0.3, request.Temperature!.Value, 3);
        Assert.Equal(77, request.MaxTokens);
        Assert.Equal(0.9, request.TopP!.Value, 3);
        Assert.Equal(7, request.Seed);
        Assert.Equal(["END"], request.Stop);
        Assert.False(request.Stream);
        Assert.Equal("Bearer sk-test", request.Authorization);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Streaming_AsksForUsageAndReceivesIt()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync(Prompt("one two three"), new ModelSettings().ToChatOptions("gpt-test")))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Echo: one two three", response.Text);
        Assert.True(updates.Count > 2, "the answer should arrive in several chunks");
        Assert.Equal(5, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(2, response.Usage?.CachedInputTokenCount);
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream);
        Assert.True(request.IncludeUsage);
    }

    [Fact]
    public async Task GetResponseAsync_429WithRetryAfter_ThrowsRateLimitedWithRetryAfter()
    {
        _server.EnqueueFaults(StubFault.Status(429, retryAfterSeconds: 1));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.IsRetryable);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetResponseAsync_503WithHttpDateRetryAfter_ParsesDate()
    {
        _server.EnqueueFaults(StubFault.Status(503, DateTimeOffset.UtcNow.AddSeconds(30).ToString("r")));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task GetResponseAsync_500_ThrowsUnavailableAfterExactlyOneRequest()
    {
        _server.EnqueueFaults(StubFault.Status(500));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(1, _server.RequestCount); // the SDK must not retry on its own
    }

    [Fact]
    public async Task GetResponseAsync_401_ThrowsAuthNamingTheKeyVariable()
    {
        _server.EnqueueFaults(StubFault.Status(401));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Auth, ex.Kind);
        Assert.False(ex.IsRetryable);
        Assert.Contains("OPENAI_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_404_ThrowsBadRequest()
    {
        _server.EnqueueFaults(StubFault.Status(404));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.BadRequest, ex.Kind);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_429_ThrowsRateLimited()
    {
        _server.EnqueueFaults(StubFault.Status(429, retryAfterSeconds: 2));

        var ex = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in Client().GetStreamingResponseAsync(Prompt("hi")))
            {
            }
        });

        Assert.Equal(ProviderErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
    }

    [Fact]
    public async Task GetResponseAsync_ServerSlowerThanRunTimeout_ThrowsTimeout()
    {
        _server.EnqueueFaults(StubFault.Delay(TimeSpan.FromSeconds(10)));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client(timeout: TimeSpan.FromMilliseconds(300)).GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_PropagatesCancellation()
    {
        _server.EnqueueFaults(StubFault.Delay(TimeSpan.FromSeconds(10)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetResponseAsync(Prompt("hi"), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task GetResponseAsync_ConnectionDropped_ThrowsUnavailable()
    {
        _server.EnqueueFaults(StubFault.Disconnect());

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync(Prompt("hi")));

        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
    }

    [Fact]
    public async Task GetResponseAsync_FaultRule_FailsOnlyMatchingPrompts()
    {
        _server.FaultRule = r => r.LastUserMessage.Contains("boom", StringComparison.Ordinal) ? StubFault.Status(500) : null;
        var client = Client();

        Assert.Equal("Echo: fine", (await client.GetResponseAsync(Prompt("fine"))).Text);
        var ex = await Assert.ThrowsAsync<ProviderException>(() => client.GetResponseAsync(Prompt("boom")));
        Assert.Equal(ProviderErrorKind.Unavailable, ex.Kind);
    }

    [Fact]
    public async Task Create_AzureApiVersion_UsesDeploymentPathAndApiKeyHeader()
    {
        var factory = new ProviderFactory(ProviderTestSpecs.Env(("AZURE_OPENAI_API_KEY", "az-key")));
        var candidate = ProviderTestSpecs.Candidate("openai:my-deployment", _server.RootUrl, options: new() { ["api_version"] = "2024-10-21" });

        var response = await factory.Create(candidate, ProviderTestSpecs.Feature(_dir.Path)).GetResponseAsync(Prompt("azure"));

        Assert.Equal("Echo: azure", response.Text);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/my-deployment/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal("az-key", request.ApiKey);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Create_BaseUrlFromEnvironmentVariable_IsExpanded()
    {
        var factory = new ProviderFactory(ProviderTestSpecs.Env(("MY_BASE", _server.BaseUrl)));
        var client = factory.Create(ProviderTestSpecs.Candidate("openai:llama3", "${MY_BASE}"), ProviderTestSpecs.Feature(_dir.Path));

        var response = await client.GetResponseAsync(Prompt("custom"));

        Assert.Equal("Echo: custom", response.Text);
        Assert.Equal("Bearer no-key", Assert.Single(_server.Requests).Authorization); // custom endpoints may run without a key
    }

    [Fact]
    public void Create_UnsetBaseUrlVariable_ThrowsNamingTheVariable()
    {
        var factory = new ProviderFactory(ProviderTestSpecs.Env());

        var ex = Assert.Throws<ProviderException>(() => factory.Create(ProviderTestSpecs.Candidate("openai:gpt-4o", "${MISSING_URL}"), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains("MISSING_URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shipgate.yaml:12:5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultEndpointWithoutKey_ThrowsAskingForOpenAiApiKey()
    {
        var factory = new ProviderFactory(ProviderTestSpecs.Env());

        var ex = Assert.Throws<ProviderException>(() => factory.Create(ProviderTestSpecs.Candidate("openai:gpt-4o"), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Contains("set OPENAI_API_KEY", ex.Message, StringComparison.Ordinal);
    }
}
