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
    public async Task Validate_HugeTrafficNumbers_ExitsTwoWithFileLineColumn()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2, extra: """
            economics:
              traffic: { users: 1000000000000000000, requests_per_user_per_day: 100000000000000000000 }
              revenue_per_user_per_month: 5
            """);

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: 'economics\.traffic\.users' must be between 1 and 10000000000", f.Output);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: 'economics\.traffic\.requests_per_user_per_day' must be at most 1,000,000", f.Output);
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
    public async Task Validate_AliasBombInAnInlineSchema_ExitsTwoNamingTheAlias()
    {
        await using var f = await CliFixture.StartAsync();
        var bomb = new System.Text.StringBuilder("defaults:\n  assertions:\n    - type: json-schema\n      schema:\n        type: object\n        properties:\n");
        bomb.Append("          l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"          l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        f.WriteFeature(cases: 1, extra: bomb.ToString());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(2, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: aliases expand to more than 100,000 values \(here at '\*l3'\)", f.Output);
    }

    [Fact]
    public async Task Validate_ThirtyThousandOpenBrackets_ExitsTwoInsteadOfOverflowingTheStack()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 1, extra: "defaults:\n  assertions:\n    - type: icontains\n      value: " + new string('[', 30_000));

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+: error: lists and mappings are nested more than 64 levels deep", f.Output);
    }

    [Fact]
    public async Task Validate_LoneSurrogateInJsonlCases_ExitsTwoWithTheLocation()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 1, extra: "");
        var spec = File.ReadAllText(Path.Combine(f.Folder, "shipgate.yaml")).Replace("suite:\n  cases:", "suite:\n  files: [more.jsonl]\n  cases:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(f.Folder, "shipgate.yaml"), spec);
        File.WriteAllText(Path.Combine(f.Folder, "more.jsonl"), "{\"id\": \"s1\", \"vars\": {\"question\": \"\\ud800\"}}\n");

        var code = await f.RunAsync("validate", ".");

        Assert.Equal(2, code);
        Assert.Contains("more.jsonl:1:35: error: invalid JSON string", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SHIPGATE_DEBUG", f.Output, StringComparison.Ordinal);
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

