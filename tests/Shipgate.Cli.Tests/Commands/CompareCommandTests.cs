using System.Text.RegularExpressions;

namespace Shipgate.Cli.Tests.Commands;

public sealed partial class CompareCommandTests
{
    [Fact]
    public async Task Compare_PromptChangeBreaksCases_ReportsRegressionAndExitsOne()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 30);
        await f.RunAsync("eval", ".", "--format", "none");
        var runA = RunId().Match(f.Output).Groups[1].Value;
        f.Server.Responder = r => r.LastUserMessage.EndsWith('1') || r.LastUserMessage.EndsWith('2') || r.LastUserMessage.EndsWith('3')
            ? "I don't know."
            : "Echo: " + r.LastUserMessage;
        await f.RunAsync("eval", ".", "--format", "none", "--no-cache");
        var runB = RunId().Match(f.Output).Groups[1].Value;

        var code = await f.RunAsync("compare", runA, runB);

        Assert.Equal(1, code);
        Assert.Contains("B is worse than A", f.Output, StringComparison.Ordinal);
        Assert.Contains("case-1:", f.Output, StringComparison.Ordinal);
        Assert.Contains("Regressions", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_IdenticalBehaviour_NoSignificantDifference()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 10);
        await f.RunAsync("eval", ".", "--format", "none");
        var runA = RunId().Match(f.Output).Groups[1].Value;
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("compare", runA, "latest");

        Assert.Equal(0, code);
        Assert.Contains("No significant difference", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_PathArgument_ReadsThatFeatureLikeEveryOtherCommand()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 10);
        await f.RunAsync("eval", ".", "--format", "none");
        var runA = RunId().Match(f.Output).Groups[1].Value;
        await f.RunAsync("eval", ".", "--format", "none");

        var (code, output) = await RunElsewhereAsync("compare", runA, "latest", f.Folder);
        Assert.Equal(0, code);
        Assert.Contains("No significant difference", output, StringComparison.Ordinal);

        // Two arguments, the second an existing folder: that is PATH (and one candidate cannot be compared with itself).
        (code, output) = await RunElsewhereAsync("compare", "latest", f.Folder);
        Assert.Equal(2, code);
        Assert.Contains("both sides are candidate 'stub'", output, StringComparison.Ordinal);

        (code, output) = await RunElsewhereAsync("compare", runA, "latest", f.Folder, "--path", f.Folder);
        Assert.Equal(2, code);
        Assert.Contains("not both", output, StringComparison.Ordinal);
    }

    /// <summary>Runs from a working folder that is not the feature, so only PATH can find it.</summary>
    private static async Task<(int Code, string Output)> RunElsewhereAsync(params string[] args)
    {
        var console = new Spectre.Console.Testing.TestConsole();
        console.Profile.Width = 200;
        var environment = new Shipgate.Cli.Infrastructure.CliEnvironment(_ => null, TimeProvider.System, Path.GetTempPath());
        var code = await Shipgate.Cli.Infrastructure.ShipgateApp.RunAsync(args, console, environment);
        return (code, console.Output);
    }

    [Fact]
    public async Task Compare_SameRunSameCandidate_IsAUsageError()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("compare", "latest");

        Assert.Equal(2, code);
        Assert.Contains("--candidate-b", f.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"run (\d{8}-\d{6}-[0-9a-f]{4})")]
    private static partial Regex RunId();
}
