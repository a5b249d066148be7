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

    [Fact]
    public async Task Report_OutputNotWritable_ExitsThreeAfterSayingWhy()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "a-file"), "x");

        var code = await f.RunAsync("report", "latest", ".", "-o", Path.Combine(f.Folder, "a-file", "reports"));

        Assert.Equal(3, code);
        Assert.Contains("could not write the report files", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutputIsAFile_ExitsTwo()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "a-file"), "x");

        var code = await f.RunAsync("report", "latest", ".", "-o", "a-file");

        Assert.Equal(2, code);
        Assert.Contains("is a file; give a folder", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Quiet_PrintsVerdictChecksAndWarningsButNoFileLinesOrFailures()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 6);
        f.Server.Responder = r => r.LastUserMessage.EndsWith('1') ? "I don't know." : "Echo: " + r.LastUserMessage;
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("report", "latest", ".", "-q");

        Assert.Equal(1, code);
        Assert.Contains("NO-SHIP", f.Output, StringComparison.Ordinal);
        Assert.Contains("✗ pass rate", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failures", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("report.html", f.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Directory.GetFiles(Path.Combine(f.Folder, ".shipgate", "reports"), "report.html", SearchOption.AllDirectories).Single()));
    }
}
