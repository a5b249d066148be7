using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Shipgate.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests.Commands;

public sealed class PricesCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("shipgate-home-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("shipgate-prices-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private string _output = "";

    private static string Sample([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Shipgate.Tests", "Cost", "litellm-sample.json"));

    private async Task<int> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 240;
        var environment = new CliEnvironment(name => name == "SHIPGATE_HOME" ? _home : null, _time, _work);
        var code = await ShipgateApp.RunAsync(args, console, environment);
        _output = console.Output;
        return code;
    }

    /// <summary>A copy of the LiteLLM sample last written on <paramref name="modified"/> (UTC).</summary>
    private string SampleModifiedOn(DateTime modified)
    {
        var copy = Path.Combine(_work, "model_prices_and_context_window.json");
        File.Copy(Sample(), copy, overwrite: true);
        File.SetLastWriteTimeUtc(copy, modified);
        return copy;
    }

    [Fact]
    public async Task Import_LiteLlmSample_WritesCatalogAndSummarises()
    {
        var code = await RunAsync("prices", "import", SampleModifiedOn(new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc)));

        Assert.Equal(0, code);
        Assert.Contains("imported 6 models", _output, StringComparison.Ordinal);
        Assert.Contains("3 with cached-input prices, 1 with cache-write prices, 1 with reasoning-output prices", _output, StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(Path.Combine(_home, "prices.json"));
        Assert.Contains("\"date\": \"2026-11-20\"", written, StringComparison.Ordinal);
        Assert.Contains("\"imported_on\": \"2026-11-29\"", written, StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync("prices", "show", "gpt-4o"));
        Assert.Contains(Path.Combine(_home, "prices.json"), _output, StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini", _output, StringComparison.Ordinal);
        Assert.Contains("$0.15 ", _output, StringComparison.Ordinal);   // per 1M
        Assert.Contains("$0.60 ", _output, StringComparison.Ordinal);   // two decimals, like every price cell
        Assert.Contains("$0.075 ", _output, StringComparison.Ordinal);  // cached, per 1M
        Assert.DoesNotContain("$0.0750", _output, StringComparison.Ordinal);
        Assert.DoesNotContain("claude-haiku", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutDate_DatesThePricesByTheFilesModificationDay()
    {
        var code = await RunAsync("prices", "import", SampleModifiedOn(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(0, code);
        Assert.Contains("prices as of 2026-07-01, the file's modification date; pass --date if you know when it was published", _output, StringComparison.Ordinal);

        // 151 days before the clock's 2026-11-29: stale, although imported today.
        Assert.Equal(0, await RunAsync("prices", "show"));
        Assert.Contains("prices as of 2026-07-01 (151 days old)", _output, StringComparison.Ordinal);
        Assert.Contains("imported on 2026-11-29", _output, StringComparison.Ordinal);
        Assert.Contains("stale after 90", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithDate_UsesIt()
    {
        Assert.Equal(0, await RunAsync("prices", "import", SampleModifiedOn(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc)), "--date", "2026-11-25"));

        Assert.Contains("prices as of 2026-11-25 (--date)", _output, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2026-11-25\"", await File.ReadAllTextAsync(Path.Combine(_home, "prices.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_FilterMatchesNothing_ExitsTwoWithDidYouMean()
    {
        Assert.Equal(0, await RunAsync("prices", "import", SampleModifiedOn(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc))));

        Assert.Equal(2, await RunAsync("prices", "show", "gtp-4o-mini"));
        Assert.Contains("no model in", _output, StringComparison.Ordinal);
        Assert.Contains("matches 'gtp-4o-mini'; did you mean 'gpt-4o-mini'?", _output, StringComparison.Ordinal);

        Assert.Equal(2, await RunAsync("prices", "show", "zzzzqqqq"));
        Assert.Contains("'shipgate prices show' lists all 6 models", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadFile_ExitsTwoAndKeepsThePreviousCatalog()
    {
        Assert.Equal(0, await RunAsync("prices", "import", Sample()));
        var before = await File.ReadAllTextAsync(Path.Combine(_home, "prices.json"));
        var bad = Path.Combine(_work, "broken.json");
        await File.WriteAllTextAsync(bad, "{\n  \"x\": {\n    \"input_cost_per_token\": 1e-06\n  \n");

        var code = await RunAsync("prices", "import", bad);

        Assert.Equal(2, code);
        Assert.Contains("broken.json:", _output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", _output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_home, "prices.json")));
    }

    [Fact]
    public async Task Import_LoneSurrogate_ExitsTwoWithLocation()
    {
        var bad = Path.Combine(_work, "surrogate.json");
        await File.WriteAllTextAsync(bad, "{\n  \"\\ud800\": { \"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-06 }\n}\n");

        var code = await RunAsync("prices", "import", bad);

        Assert.Equal(2, code);
        Assert.Contains("surrogate.json:2:4:", _output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        Assert.Equal(2, await RunAsync("prices", "import", "nope.json"));
        Assert.False(File.Exists(Path.Combine(_home, "prices.json")));
    }

    [Fact]
    public async Task Show_Bundled_NamesSourceAndDate()
    {
        Assert.Equal(0, await RunAsync("prices", "show", "claude"));

        Assert.Contains("bundled:", _output, StringComparison.Ordinal);
        Assert.Contains("claude-sonnet-4-5", _output, StringComparison.Ordinal);
        Assert.DoesNotContain("gpt-4o", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_StaleCatalog_Warns()
    {
        Assert.Equal(0, await RunAsync("prices", "import", Sample(), "--date", "2026-01-15"));

        Assert.Equal(0, await RunAsync("prices", "show"));

        Assert.Contains("stale after 90", _output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_work, recursive: true);
    }
}
