using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class PriceLookupTests
{
    private static readonly PriceCatalog Catalog = new()
    {
        Date = new DateOnly(2026, 11, 1),
        Source = "test",
        Models =
        [
            new ModelPrice { Model = "gpt-4o-mini", Provider = "openai", InputPerToken = 1, OutputPerToken = 1 },
            new ModelPrice { Model = "azure/gpt-4o-mini", Provider = "azure", InputPerToken = 2, OutputPerToken = 2 },
            new ModelPrice { Model = "gemini/gemini-2.5-pro", Provider = "gemini", InputPerToken = 3, OutputPerToken = 3 },
            new ModelPrice { Model = "claude-haiku-4-5", Provider = "anthropic", InputPerToken = 4, OutputPerToken = 4 },
        ],
    };

    [Theory]
    [InlineData("openai:gpt-4o-mini", "gpt-4o-mini")]
    [InlineData("openai:GPT-4o-mini", "gpt-4o-mini")]
    [InlineData("azure:gpt-4o-mini", "azure/gpt-4o-mini")]
    [InlineData("openai:openai/gpt-4o-mini", "gpt-4o-mini")]
    [InlineData("gemini:gemini-2.5-pro", "gemini/gemini-2.5-pro")]
    [InlineData("openai:gemini-2.5-pro", "gemini/gemini-2.5-pro")]
    [InlineData("anthropic:claude-haiku-4-5-20251001", "claude-haiku-4-5")]
    public void Find_ProviderTarget_FindsTheCatalogEntry(string provider, string expected) =>
        Assert.Equal(expected, PriceLookup.Find(Catalog, provider)?.Model);

    [Theory]
    [InlineData("openai:gpt-9")]
    [InlineData("local:extractive")]
    [InlineData("exec:")]
    public void Find_UnknownModel_IsNull(string provider) => Assert.Null(PriceLookup.Find(Catalog, provider));
}
