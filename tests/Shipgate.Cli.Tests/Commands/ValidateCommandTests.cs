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
    public async Task Schema_PrintsTheJsonSchema()
    {
        await using var f = await CliFixture.StartAsync();

        var code = await f.RunAsync("schema");

        Assert.Equal(0, code);
        using var schema = System.Text.Json.JsonDocument.Parse(f.Output);
        Assert.True(schema.RootElement.TryGetProperty("properties", out var properties));
        Assert.True(properties.TryGetProperty("candidates", out _));
    }
}
