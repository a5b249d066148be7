using Shipgate.Providers;
using Shipgate.Specs;

namespace Shipgate.Tests.Providers;

public sealed class CandidateAvailabilityTests
{
    private static CandidateSpec Optional(string? keyEnv = null, string? baseUrl = null, bool optional = true) =>
        new() { Id = "gpt-4o", Provider = "openai:gpt-4o", ApiKeyEnv = keyEnv, BaseUrl = baseUrl, Optional = optional };

    [Fact]
    public void MissingVariable_OptionalWithUnsetKey_NamesTheKey() =>
        Assert.Equal("OPENAI_API_KEY", CandidateAvailability.MissingVariable(Optional("OPENAI_API_KEY"), ProviderTestSpecs.Env()));

    [Fact]
    public void MissingVariable_OptionalWithKeySet_RunsIt() =>
        Assert.Null(CandidateAvailability.MissingVariable(Optional("OPENAI_API_KEY"), ProviderTestSpecs.Env(("OPENAI_API_KEY", "sk-1"))));

    [Fact]
    public void MissingVariable_UnsetBaseUrlVariable_NamesIt() =>
        Assert.Equal("OLLAMA_BASE_URL", CandidateAvailability.MissingVariable(Optional(baseUrl: "${OLLAMA_BASE_URL}"), ProviderTestSpecs.Env()));

    [Fact]
    public void MissingVariable_NotOptional_IsNeverSkipped() =>
        Assert.Null(CandidateAvailability.MissingVariable(Optional("OPENAI_API_KEY", optional: false), ProviderTestSpecs.Env()));

    [Fact]
    public void Skipped_GivesTheNote()
    {
        var spec = new FeatureSpec
        {
            Name = "f",
            RootDirectory = "/tmp",
            SpecFile = "/tmp/shipgate.yaml",
            Prompts = [],
            Cases = [],
            Candidates = [new CandidateSpec { Id = "baseline", Provider = "local:extractive" }, Optional("OPENAI_API_KEY")],
        };

        var (candidate, note) = Assert.Single(CandidateAvailability.Skipped(spec, ProviderTestSpecs.Env()));

        Assert.Equal("gpt-4o", candidate.Id);
        Assert.Equal("skipped gpt-4o: OPENAI_API_KEY is not set", note);
    }
}
