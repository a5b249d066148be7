using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Specs;

namespace Shipgate.Tests.Providers;

public sealed class ProviderFactoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env());

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("gemini:pro", "unknown provider scheme 'gemini'")]
    [InlineData("local:llama", "unknown local provider 'llama'")]
    [InlineData("openai:", "the model name is missing")]
    [InlineData("replay:", "the file is missing")]
    [InlineData("exec:", "the command is empty")]
    [InlineData("exec:echo 'oops", "unterminated single quote")]
    public void Create_BadProviderId_ThrowsActionableOtherError(string provider, string expected)
    {
        var ex = Assert.Throws<ProviderException>(() => _factory.Create(ProviderTestSpecs.Candidate(provider), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("candidate 'c1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidBaseUrl_Throws()
    {
        var ex = Assert.Throws<ProviderException>(() => _factory.Create(ProviderTestSpecs.Candidate("openai:m", "localhost:11434"), ProviderTestSpecs.Feature(_dir.Path)));

        Assert.Contains("not an absolute http(s) URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToChatOptions_MapsEverySetting()
    {
        var options = new ModelSettings { Temperature = 0.1f, MaxTokens = 10, TopP = 0.5f, Seed = 3, Stop = ["x", "y"] }.ToChatOptions("m");

        Assert.Equal("m", options.ModelId);
        Assert.Equal(0.1f, options.Temperature);
        Assert.Equal(10, options.MaxOutputTokens);
        Assert.Equal(0.5f, options.TopP);
        Assert.Equal(3, options.Seed);
        Assert.Equal(["x", "y"], options.StopSequences);
    }

    [Fact]
    public void ToChatOptions_Defaults_LeaveProviderDefaults()
    {
        var options = new ModelSettings().ToChatOptions("m");

        Assert.Null(options.Temperature);
        Assert.Null(options.MaxOutputTokens);
        Assert.Null(options.StopSequences);
    }
}
