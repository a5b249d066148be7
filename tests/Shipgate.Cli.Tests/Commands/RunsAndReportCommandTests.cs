namespace Shipgate.Cli.Tests.Commands;

public sealed class RunsAndReportCommandTests
{
    [Fact]
    public async Task Runs_AfterAnEval_ListsTheRunWithItsCounts()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("runs", ".");

        Assert.Equal(0, code);
        Assert.Contains("completed", f.Output, StringComparison.Ordinal);
        Assert.Contains("3/3", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_NoRunsYet_SaysHowToStartOne()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 1);

        var code = await f.RunAsync("runs", ".");

        Assert.Equal(0, code);
        Assert.Contains("No runs yet", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Latest_ReRendersWithoutCallingTheProvider()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        var calls = f.Server.RequestCount;
        var output = Path.Combine(f.Folder, "out");

        var code = await f.RunAsync("report", "latest", ".", "--format", "html,junit", "--output", output);

        Assert.Equal(0, code);
        Assert.Equal(calls, f.Server.RequestCount);
        Assert.Contains("SHIP", f.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "report.xml")));
        Assert.False(File.Exists(Path.Combine(output, "report.md")));
    }

    [Fact]
    public async Task Report_ByIdPrefix_FindsTheRun()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2);
        await f.RunAsync("eval", ".", "--format", "none");
        var runId = System.Text.RegularExpressions.Regex.Match(f.Output, @"run (\d{8}-\d{6}-[0-9a-f]{4})").Groups[1].Value;

        var code = await f.RunAsync("report", runId[..12], ".", "--format", "none");

        Assert.False(string.IsNullOrEmpty(runId));
        Assert.Equal(0, code);
        Assert.Contains(runId, f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownRun_ExitsTwoAndSaysHowToList()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 1);

        var code = await f.RunAsync("report", "19990101", ".");

        Assert.Equal(2, code);
        Assert.Contains("shipgate runs", f.Output, StringComparison.Ordinal);
    }
}
