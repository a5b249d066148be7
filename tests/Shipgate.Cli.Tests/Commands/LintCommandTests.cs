using System.Text.Json;

namespace Shipgate.Cli.Tests.Commands;

public sealed class LintCommandTests : IDisposable
{
    private readonly SuiteFolder _suite = new SuiteFolder()
        .Write("shipgate.yaml", SuiteFolder.SpecText)
        .Write("cases/happy.yaml", SuiteFolder.HappyCases);

    [Fact]
    public async Task Lint_SmallSuiteWithoutErrors_ShowsWarningsAndExitsZero()
    {
        var code = await _suite.RunAsync("lint");

        Assert.Equal(0, code);
        Assert.Contains("Warnings", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("SG101", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("no human labels", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("0 errors", _suite.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_suite.Folder, ".shipgate")), "lint must not create a store");
    }

    [Fact]
    public async Task Lint_CaseThatTestsNothing_ExitsOneWithJsonFindings()
    {
        _suite.Write("shipgate.yaml", SuiteFolder.SpecText[..SuiteFolder.SpecText.IndexOf("defaults:", StringComparison.Ordinal)])
            .Write("cases/bare.yaml", "- id: bare\n  vars: { question: \"What colour is the logo?\" }\n");

        var code = await _suite.RunAsync("lint", "--format", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(_suite.Output);
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        var error = json.RootElement.GetProperty("findings").EnumerateArray().First();
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal("SG130", error.GetProperty("code").GetString());
        Assert.Equal("cases/bare.yaml:1:3", error.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Lint_NearDuplicates_UsesThresholdOption()
    {
        _suite.Write("cases/more.yaml", "- id: price-again\n  vars: { question: \"how much does tallybook plus cost now?\" }\n  assertions: [{ type: icontains, value: $4 }]\n");

        await _suite.RunAsync("lint");
        var flagged = _suite.Output;
        await _suite.RunAsync("lint", "--duplicate-threshold", "0.99");

        Assert.Contains("'happy-price' (cases/happy.yaml:2:3) and 'price-again' (cases/more.yaml:1:3) are near-duplicates", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("near-duplicates (similarity", _suite.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_UnknownFormat_IsUsageError()
    {
        Assert.Equal(2, await _suite.RunAsync("lint", "--format", "xml"));
    }

    public void Dispose() => _suite.Dispose();
}
