using System.Text.Json;
using Shipgate.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests.Commands;

public sealed class CostCommandTests : IAsyncLifetime
{
    private const string Economics = """
        economics:
          traffic: { users: 1000, requests_per_user_per_day: 2 }
          revenue_per_user_per_month: 5.00
          other_costs_per_request:
            - { name: embeddings, usd: 0.00002 }
          guardrails:
            max_cost_per_request: 0.01
        """;

    private readonly string _home = Directory.CreateTempSubdirectory("shipgate-home-").FullName;
    private CliFixture _cli = null!;
    private string _output = "";

    public async Task InitializeAsync() => _cli = await CliFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await _cli.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    /// <summary>Runs the CLI with SHIPGATE_HOME pointing at a temp folder, so the user's own catalog never leaks in.</summary>
    private async Task<int> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 240;
        var environment = new CliEnvironment(
            name => name switch { "STUB_KEY" => "sk-test", "SHIPGATE_HOME" => _home, _ => null },
            TimeProvider.System,
            _cli.Folder);
        var code = await ShipgateApp.RunAsync(args, console, environment);
        _output = console.Output;
        return code;
    }

    [Fact]
    public async Task Cost_AfterEval_WritesReportsAndExitsZeroWhenHealthy()
    {
        _cli.WriteFeature(extra: Economics);
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        var code = await RunAsync("cost", ".");

        Assert.Equal(0, code);
        Assert.Contains("Unit economics", _output, StringComparison.Ordinal);
        Assert.Contains("declared, shipgate.yaml candidates[stub].pricing", _output, StringComparison.Ordinal);
        Assert.Contains("READY AI cost", _output, StringComparison.Ordinal);
        Assert.DoesNotContain("ready:", _output, StringComparison.Ordinal);
        var folder = Path.Combine(_cli.Folder, ".shipgate", "reports", "cost");
        Assert.Contains("## Unit economics", await File.ReadAllTextAsync(Path.Combine(folder, "cost.md")), StringComparison.Ordinal);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(folder, "cost.html")), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "cost.json")));
        Assert.Equal("stub", json.RootElement.GetProperty("candidateId").GetString());
        Assert.Equal("ready", json.RootElement.GetProperty("readiness").GetProperty("status").GetString());
        var perRequest = json.RootElement.GetProperty("candidates")[0].GetProperty("costPerRequestMean").GetProperty("value").GetDecimal();
        Assert.True(perRequest > 0);
    }

    [Fact]
    public async Task Cost_RevenueTooLow_ExitsOneWithMarginProblem()
    {
        _cli.WriteFeature(extra: Economics.Replace("5.00", "0.0001", StringComparison.Ordinal));
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        var code = await RunAsync("cost", ".", "-f", "json", "-o", "out");

        Assert.Equal(1, code);
        Assert.Contains("NOT READY AI cost", _output, StringComparison.Ordinal);
        Assert.DoesNotContain("not ready:", _output, StringComparison.Ordinal);
        Assert.Contains("margin problem", _output, StringComparison.Ordinal);

        // Only what blocks is listed under the verdict: the p95 under the cap is a passing fact of the guardrails table.
        var verdict = _output[_output.IndexOf("NOT READY", StringComparison.Ordinal)..];
        Assert.Contains("✗ AI cost is", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("under the declared cap", verdict, StringComparison.Ordinal);
        Assert.Contains("is under the declared cap", _output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "out", "cost.json")));
    }

    [Fact]
    public async Task Cost_NoEconomicsSection_ExitsOneAndSaysWhatToAdd()
    {
        _cli.WriteFeature();
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        var code = await RunAsync("cost", ".", "-f", "none");

        Assert.Equal(1, code);
        Assert.Contains("NOT DECLARED", _output, StringComparison.Ordinal);
        Assert.Contains("revenue_per_user_per_month", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_UsersOption_ScalesTheFeatureCost()
    {
        _cli.WriteFeature(extra: Economics);
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        Assert.Equal(0, await RunAsync("cost", ".", "--users", "50000", "-f", "json", "-o", "out"));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_cli.Folder, "out", "cost.json")));
        Assert.Equal(50000, json.RootElement.GetProperty("economics").GetProperty("users").GetInt64());
        Assert.Equal(500000, json.RootElement.GetProperty("projections")[1].GetProperty("users").GetInt64());
    }

    [Fact]
    public async Task Cost_UnknownCandidateOrBadPrices_IsAUsageError()
    {
        _cli.WriteFeature(extra: Economics);
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        Assert.Equal(2, await RunAsync("cost", ".", "--candidate", "nope", "-f", "none"));
        Assert.Contains("candidate 'nope' is not in run", _output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_cli.Folder, "bad.json"), "{\n  \"gpt-4o\": {\n    \"input_cost_per_token\": ,\n  }\n}");
        Assert.Equal(2, await RunAsync("cost", ".", "--prices", "bad.json", "-f", "none"));
        Assert.Contains("bad.json:3:", _output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000000000000000000")]
    [InlineData("1e30")]
    [InlineData("0")]
    public async Task Cost_UsersOutOfRange_ExitsTwoSayingWhatItTakes(string users)
    {
        _cli.WriteFeature(extra: Economics);

        var code = await RunAsync("cost", ".", "--users", users, "-f", "none");

        Assert.Equal(2, code);
        Assert.Contains($"--users must be a whole number between 1 and 10,000,000,000, got '{users}'", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_FiguresBeyondDecimalRange_ExitsTwoWithClearError()
    {
        _cli.WriteFeature(extra: """
            economics:
              traffic: { users: 10000000000, requests_per_user_per_day: 1000000, days_per_month: 31 }
              revenue_per_user_per_month: 1000000
              other_costs_per_request:
                - { name: storage, usd: 1000000 }
              scale: [1, 1000000]
            """);
        Assert.Equal(0, await RunAsync("validate", "."));
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));

        var code = await RunAsync("cost", ".", "-f", "none");

        Assert.Equal(2, code);
        Assert.Contains("too large to compute", _output, StringComparison.Ordinal);
        Assert.DoesNotContain("SHIPGATE_DEBUG", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_PricesFileWithLoneSurrogate_IsAUsageErrorAtItsPlace()
    {
        _cli.WriteFeature(extra: Economics);
        Assert.Equal(0, await RunAsync("eval", ".", "-f", "none"));
        await File.WriteAllTextAsync(Path.Combine(_cli.Folder, "bad.json"), "{\n  \"gpt-4o\\ud800\": { \"mode\": \"chat\" }\n}");

        Assert.Equal(2, await RunAsync("cost", ".", "--prices", "bad.json", "-f", "none"));
        Assert.Contains("bad.json:2:10: not valid JSON text: a lone surrogate", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_WithoutRun_IsAUsageError()
    {
        _cli.WriteFeature(extra: Economics);

        Assert.Equal(2, await RunAsync("cost", "."));
        Assert.Contains("no completed eval run", _output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_OneCandidateRunAfterADecision_CostsTheRecordedDecisionFromItsRun()
    {
        await using var f = await SelectCommandTests.StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");
        Assert.Equal(0, await f.RunAsync("select", ".", "--write", "--format", "none"));
        await f.RunAsync("eval", ".", "-c", "strong", "--format", "none");

        await f.RunAsync("cost", ".", "--format", "none");

        Assert.Contains("holds only strong: the matrix compares nothing", f.Output, StringComparison.Ordinal);
        Assert.Contains("costing the recorded decision weak (decisions/model-selection.json) from the run it was made on", f.Output, StringComparison.Ordinal);
        Assert.Contains("costed candidate weak (the recorded selection decision", f.Output, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Cost_OneCandidateRunAndTheDecisionsRunIsGone_CostsTheOneCandidateAndSaysWhy()
    {
        await using var f = await SelectCommandTests.StartAsync();
        await f.RunAsync("eval", ".", "-c", "strong", "--format", "none");
        var snapshot = Path.Combine(f.Folder, "decisions", "model-selection.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await File.WriteAllTextAsync(snapshot, """
            { "schemaVersion": 1, "feature": "select-feature", "decidedAt": "2026-11-01T00:00:00+00:00", "runId": "20260101-000000-dead",
              "metric": "pass_rate", "winner": "weak", "candidates": [] }
            """);

        await f.RunAsync("cost", ".", "--format", "none");
        var output = string.Join(' ', f.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // console lines wrap

        Assert.Contains("holds only strong: the matrix compares nothing", output, StringComparison.Ordinal);
        Assert.Contains("the run it was made on (20260101-000000-dead) is not in the store, so strong is costed instead", output, StringComparison.Ordinal);
        Assert.Contains("costed candidate strong", output, StringComparison.Ordinal);
        Assert.DoesNotContain("there is no selection decision", output, StringComparison.Ordinal);
    }
}
