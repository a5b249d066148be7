using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class LiteLlmImporterTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    private static LiteLlmImport Sample(bool all = false) =>
        LiteLlmImporter.Import(File.ReadAllText(CostTestData.LiteLlmSample), "litellm-sample.json", Day, all);

    [Fact]
    public void Import_Sample_KeepsChatAndCompletionModelsWithTokenPrices()
    {
        var import = Sample();

        Assert.Equal(9, import.Entries); // sample_spec is not an entry
        Assert.DoesNotContain(import.Catalog.Models, m => m.Model == "sample_spec");
        Assert.Equal(["claude-haiku-4-5", "command", "databricks/databricks-claude-3-7-sonnet", "gemini/gemini-2.5-flash-lite", "gpt-4o-mini", "ollama/llama3"], import.Catalog.Models.Select(m => m.Model).Order(StringComparer.Ordinal));
        Assert.Equal(2, import.SkippedMode);          // embedding, image generation
        Assert.Equal(1, import.SkippedNoTokenPrice);  // per-second billing
        Assert.Equal(Day, import.Catalog.Date);
    }

    [Fact]
    public void Import_Sample_ReadsCachedCacheWriteAndReasoningPricesExactly()
    {
        var models = Sample().Catalog.Models.ToDictionary(m => m.Model);

        var mini = models["gpt-4o-mini"];
        Assert.Equal(0.00000015m, mini.InputPerToken);
        Assert.Equal(0.0000006m, mini.OutputPerToken);
        Assert.Equal(0.000000075m, mini.CachedInputPerToken);
        Assert.Null(mini.ReasoningOutputPerToken);
        Assert.Equal(128000, mini.MaxInputTokens);
        Assert.True(mini.SupportsVision);
        Assert.Equal("openai", mini.Provider);

        Assert.Equal(0.0000004m, models["gemini/gemini-2.5-flash-lite"].ReasoningOutputPerToken);
        Assert.Equal(0.00000125m, models["claude-haiku-4-5"].CacheWritePerToken);
        Assert.Equal(0.0000029999900000000002m, models["databricks/databricks-claude-3-7-sonnet"].InputPerToken);
        Assert.Equal(0m, models["ollama/llama3"].InputPerToken);

        var import = Sample();
        Assert.Equal(3, import.WithCachedInput);
        Assert.Equal(1, import.WithCacheWrite);
        Assert.Equal(1, import.WithReasoningOutput);
    }

    [Fact]
    public void Import_All_KeepsOtherModesWithTokenPrices()
    {
        var import = Sample(all: true);

        Assert.Contains(import.Catalog.Models, m => m.Model == "text-embedding-3-small" && m.Mode == "embedding");
        Assert.DoesNotContain(import.Catalog.Models, m => m.Model == "dall-e-3");
        Assert.Equal(0, import.SkippedMode);
    }

    [Fact]
    public void Import_BrokenJson_NamesFileLineAndColumn()
    {
        var json = "{\n  \"gpt-4o\": {\n    \"input_cost_per_token\": 2.5e-06,\n    \"output_cost_per_token\": \n  }\n}";

        var e = Assert.Throws<PriceCatalogException>(() => LiteLlmImporter.Import(json, "prices.json", Day));

        Assert.StartsWith("prices.json:5:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"\\ud800\": { \"mode\": \"chat\" }\n}", 2, 4)]
    [InlineData("{\n  \"gpt-4o\": { \"mode\": \"chat\\udc00\" }\n}", 2, 28)]
    public void Import_LoneSurrogateEscape_NamesFileLineAndColumn(string json, int line, int column)
    {
        var e = Assert.Throws<PriceCatalogException>(() => LiteLlmImporter.Import(json, "prices.json", Day));

        Assert.StartsWith($"prices.json:{line}:{column}:", e.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PriceAsString_NamesTheModelAndField()
    {
        var json = """{ "gpt-4o": { "mode": "chat", "input_cost_per_token": "2.5e-06", "output_cost_per_token": 1e-05 } }""";

        var e = Assert.Throws<PriceCatalogException>(() => LiteLlmImporter.Import(json, "prices.json", Day));

        Assert.Contains("'gpt-4o'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'input_cost_per_token' must be a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NotAnObject_SaysWhatIsExpected()
    {
        var e = Assert.Throws<PriceCatalogException>(() => LiteLlmImporter.Import("[1, 2]", "x.json", Day));
        Assert.Contains("LiteLLM's price map", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsEveryPrice()
    {
        var catalog = Sample().Catalog;
        var path = Path.Combine(Path.GetTempPath(), "shipgate-prices-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, PriceCatalogJson.Write(catalog));
            var back = PriceCatalogs.ReadFile(path, TimeProvider.System);

            Assert.Equal(catalog.Date, back.Date);
            Assert.Equal(catalog.Models, back.Models);
            Assert.Contains(path, back.Source, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
