namespace Shipgate.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_GoodSpec_ExitsZeroWithoutCallingTheProvider()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 4);

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(0, code);
        Assert.Contains("is valid", f.Output, StringComparison.Ordinal);
        Assert.Contains("cases      4", f.Output, StringComparison.Ordinal);
        Assert.Equal(0, f.Server.RequestCount);
    }

    [Fact]
    public async Task Validate_SeveralProblems_ListsEachWithItsLocation()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2, gate: "min_pass_rate: high", extra: "  concurrency: 0");

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: .*min_pass_rate", f.Output);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: .*concurrency", f.Output);
        Assert.Contains("2 problems", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsTwo()
    {
        await using var f = await CliFixture.StartAsync();

        var code = await f.RunAsync("validate", "no-such-feature");

        Assert.Equal(2, code);
        Assert.Contains("no-such-feature", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_PrintsTheJsonSchema()
    {
        await using var f = await CliFixture.StartAsync();

        var code = await f.RunAsync("schema");

        Assert.Equal(0, code);
        using var schema = System.Text.Json.JsonDocument.Parse(f.Output);
        Assert.True(schema.RootElement.TryGetProperty("properties", out var properties));
        Assert.True(properties.TryGetProperty("candidates", out _));
    }

    [Fact]
    public async Task Validate_ControlCharactersInSpecValues_AreShownEscapedNeverRaw()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2);
        var spec = Path.Combine(f.Folder, "shipgate.yaml");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("openai:stub-model", "\"openai:stub\\e]0;pwned\\a\\e[2J\"", StringComparison.Ordinal));

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(0, code);
        Assert.Contains("openai:stub\\x1B]0;pwned\\x07\\x1B[2J", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', f.Output);
        Assert.DoesNotContain('\u0007', f.Output);
    }

    [Fact]
    public async Task Validate_KnowledgeFifo_ExitsTwoWithLocationInsteadOfHanging()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2, extra: "knowledge: [\"docs/*\"]");
        Directory.CreateDirectory(Path.Combine(f.Folder, "docs"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(f.Folder, "docs", "pipe.md")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = f.RunAsync("validate", ".");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(run, finished);
        Assert.Equal(2, await run);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: knowledge file 'docs/pipe\.md' is a named pipe \(FIFO\)", f.Output);
    }
}

