using Microsoft.Extensions.Time.Testing;
using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class PriceCatalogsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("shipgate-home-").FullName;

    [Fact]
    public void Bundled_HasDatedSourceAndMajorModels()
    {
        var c = PriceCatalogs.Bundled;

        Assert.StartsWith("bundled:", c.Source, StringComparison.Ordinal);
        Assert.Contains("LiteLLM", c.Source, StringComparison.Ordinal);
        foreach (var model in new[] { "gpt-4o", "gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5", "claude-haiku-4-5" })
        {
            Assert.Contains(c.Models, m => m.Model == model);
        }

        Assert.All(c.Models, m => Assert.True(m.OutputPerToken > 0));
        Assert.Equal(0.0000025m, c.Models.Single(m => m.Model == "gpt-4o").InputPerToken);
    }

    [Fact]
    public void IsStale_AfterNinetyDays_FlagsWithWarning()
    {
        var catalog = PriceCatalogs.Bundled with { Date = new DateOnly(2026, 1, 1) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero)); // day 90

        Assert.False(PriceCatalogs.IsStale(catalog, time));
        Assert.Null(PriceCatalogs.StaleWarning(catalog, time));

        time.Advance(TimeSpan.FromDays(1)); // day 91
        Assert.True(PriceCatalogs.IsStale(catalog, time));
        Assert.Contains("91 days old", PriceCatalogs.StaleWarning(catalog, time), StringComparison.Ordinal);
        Assert.Contains("shipgate prices import", PriceCatalogs.StaleWarning(catalog, time), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NothingImported_UsesBundled() =>
        Assert.Same(PriceCatalogs.Bundled, PriceCatalogs.Load(null, _home, TimeProvider.System));

    [Fact]
    public void Load_ImportedCatalogInHome_WinsOverBundled()
    {
        var imported = LiteLlmImporter.Import(File.ReadAllText(CostTestData.LiteLlmSample), "s.json", new DateOnly(2026, 11, 1)).Catalog;
        File.WriteAllText(Path.Combine(_home, "prices.json"), PriceCatalogJson.Write(imported));

        var c = PriceCatalogs.Load(null, _home, TimeProvider.System);

        Assert.Contains(Path.Combine(_home, "prices.json"), c.Source, StringComparison.Ordinal);
        Assert.Equal(6, c.Models.Count);
    }

    [Fact]
    public void Load_PricesFileInLiteLlmFormat_IsImportedOnTheFlyAsOfItsModificationDay()
    {
        var copy = Path.Combine(_home, "map.json");
        File.Copy(CostTestData.LiteLlmSample, copy);
        File.SetLastWriteTimeUtc(copy, new DateTime(2026, 8, 2, 22, 0, 0, DateTimeKind.Utc));

        var c = PriceCatalogs.Load(copy, _home, new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

        Assert.Contains("LiteLLM price map", c.Source, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 8, 2), c.Date);          // prices as of the download, not today
        Assert.Equal(new DateOnly(2026, 11, 29), c.ImportedOn);
    }

    [Fact]
    public void CatalogJson_RoundTripsTheImportDay()
    {
        var imported = LiteLlmImporter.Import(File.ReadAllText(CostTestData.LiteLlmSample), "s.json", new DateOnly(2026, 11, 1), importedOn: new DateOnly(2026, 11, 29)).Catalog;
        File.WriteAllText(Path.Combine(_home, "prices.json"), PriceCatalogJson.Write(imported));

        var c = PriceCatalogs.Load(null, _home, TimeProvider.System);

        Assert.Equal(new DateOnly(2026, 11, 1), c.Date);
        Assert.Equal(new DateOnly(2026, 11, 29), c.ImportedOn);
    }

    [Fact]
    public void Load_MissingPricesFile_ThrowsWithPath()
    {
        var path = Path.Combine(_home, "nope.json");
        var e = Assert.Throws<PriceCatalogException>(() => PriceCatalogs.Load(path, _home, TimeProvider.System));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_UsesShipgateHomeThenHome()
    {
        Assert.Equal("/x/sg", PriceCatalogs.Home(n => n == "SHIPGATE_HOME" ? "/x/sg" : "/h"));
        Assert.Equal(Path.Combine("/h", ".shipgate"), PriceCatalogs.Home(n => n == "HOME" ? "/h" : null));
        Assert.Null(PriceCatalogs.Home(_ => null));
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
