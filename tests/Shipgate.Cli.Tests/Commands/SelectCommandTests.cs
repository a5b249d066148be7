using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Shipgate.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests.Commands;

/// <summary><c>shipgate select</c> end to end: two priced candidates on the stub server over 127.0.0.1, one optional candidate without its key.</summary>
public sealed class SelectCommandTests
{
    /// <summary>
    /// "strong" echoes every question (passes); "weak" fails the hard-tagged cases. weak is far cheaper, so with cost
    /// weighted heavily and a pass-rate bar of 0.5 it wins, and the router sends the hard cases to strong.
    /// </summary>
    internal static async Task<CliFixture> StartAsync(bool withSelection = true, string strongInput = "2.50", double minPassRate = 0.5)
    {
        var f = await CliFixture.StartAsync();
        f.Server.Responder = r => r.Model == "weak" && r.LastUserMessage.Contains("hard", StringComparison.Ordinal) ? "no idea" : "Echo: " + r.LastUserMessage;
        WriteSpec(f, withSelection, strongInput, minPassRate);
        return f;
    }

    /// <summary>weak passes 12 of 16 cases: it passes the ship gate at the default bar of 0.5, not at 0.9.</summary>
    private static void WriteSpec(CliFixture f, bool withSelection, string strongInput, double minPassRate = 0.5)
    {
        var lines = new List<string>
        {
            "version: 1",
            "feature: { name: select-feature }",
            "prompts:",
            "  - { id: answer, user: \"Q: {{question}}\" }",
            "candidates:",
            $"  - {{ id: strong, provider: \"openai:strong\", base_url: \"{f.Server.BaseUrl}\", api_key_env: STUB_KEY, tier: frontier, family: strong, pricing: {{ input: {strongInput}, output: 10.00 }}, profile: {{ vendor: acme, regions: [eu] }} }}",
            $"  - {{ id: weak, provider: \"openai:weak\", base_url: \"{f.Server.BaseUrl}\", api_key_env: STUB_KEY, tier: efficient, pricing: {{ input: 0.15, output: 0.60 }}, profile: {{ vendor: other, regions: [eu] }} }}",
            $"  - {{ id: gated, provider: \"openai:gated\", base_url: \"{f.Server.BaseUrl}\", api_key_env: MISSING_KEY, optional: true }}",
            "suite:",
            "  cases:",
        };
        for (var i = 0; i < 16; i++)
        {
            var kind = i % 4 == 0 ? "hard" : "easy";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    - {{ id: case-{i}, tags: [{kind}], vars: {{ question: \"{kind} question {i}\" }}, assertions: [{{ type: icontains, value: \"question {i}\" }}] }}"));
        }

        lines.Add("run: { retries: 0 }");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"gate: {{ min_pass_rate: {minPassRate} }}"));
        if (withSelection)
        {
            lines.Add("selection:");
            lines.Add("  requirements:");
            lines.Add("    quality: { weight: 3, metric: pass_rate, min: 0.5, hard: true }");
            lines.Add("    cost: { weight: 5, max_per_request: 0.01 }");
            lines.Add("    privacy: { weight: 2, regions: [eu], hard: true }");
            lines.Add("    vendor_diversity: { weight: 1, min_vendors: 2 }");
            lines.Add("  routing: { holdout: 0.25, seed: 3 }");
        }

        File.WriteAllText(Path.Combine(f.Folder, "shipgate.yaml"), string.Join('\n', lines) + "\n");
    }

    private static async Task<(int Code, string Output)> RunAtAsync(CliFixture f, TimeProvider time, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var environment = new CliEnvironment(name => name == "STUB_KEY" ? "sk-test" : null, time, f.Folder);
        var code = await ShipgateApp.RunAsync(args, console, environment);
        return (code, console.Output);
    }

    [Fact]
    public async Task Eval_OptionalCandidateWithoutKey_IsSkippedWithANote()
    {
        await using var f = await StartAsync();

        await f.RunAsync("eval", ".", "--format", "none");

        Assert.Contains("skipped gated: MISSING_KEY is not set", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Server.Requests, r => r.Model == "gated");
        Assert.Contains(f.Server.Requests, r => r.Model == "weak");
    }

    [Fact]
    public async Task Select_AfterEval_NamesTheWinnerWritesReportsAndExitsZero()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("select", ".");

        Assert.Equal(0, code);
        Assert.Contains("READY weak chosen", f.Output, StringComparison.Ordinal);
        Assert.Contains("router: route", f.Output, StringComparison.Ordinal);
        Assert.Contains("fallback from another vendor: strong (acme)", f.Output, StringComparison.Ordinal);
        var folder = Path.Combine(f.Folder, ".shipgate", "reports", "select");
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(folder, "selection.html")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("## Model selection", await File.ReadAllTextAsync(Path.Combine(folder, "selection.md")), StringComparison.Ordinal);
        Assert.Contains("\"winner\": \"weak\"", await File.ReadAllTextAsync(Path.Combine(folder, "selection.json")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(f.Folder, "decisions")));
    }

    [Fact]
    public async Task Select_WriteThenCheck_RecordsTheDecisionAndTriggersFireOnChange()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(2, await f.RunAsync("select", ".", "--check"));
        Assert.Contains("no decision recorded yet", f.Output, StringComparison.Ordinal);

        Assert.Equal(0, await f.RunAsync("select", ".", "--write", "--format", "none"));
        var record = await File.ReadAllTextAsync(Path.Combine(f.Folder, "decisions", "model-selection.md"));
        Assert.Contains("Use **weak**", record, StringComparison.Ordinal);
        Assert.Contains("## Rejected options", record, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(f.Folder, "decisions", "model-selection.json")));
        var policy = await File.ReadAllTextAsync(Path.Combine(f.Folder, "router-policy.json"));
        Assert.Contains("\"schemaVersion\": 1", policy, StringComparison.Ordinal);
        Assert.Contains("\"cheapCandidate\": \"weak\"", policy, StringComparison.Ordinal);

        Assert.Equal(0, await f.RunAsync("select", ".", "--check"));
        Assert.Contains("no review due", f.Output, StringComparison.Ordinal);

        Assert.Contains("no review due (all 4 triggers checked)", f.Output, StringComparison.Ordinal);

        // A 40% price rise on a shortlisted candidate (declared pricing) is due for review.
        WriteSpec(f, withSelection: true, strongInput: "3.50");
        Assert.Equal(1, await f.RunAsync("select", ".", "--check"));
        Assert.Contains("FIRED", f.Output, StringComparison.Ordinal);
        Assert.Contains("strong declared input 2.5 → 3.5 (+40%)", f.Output, StringComparison.Ordinal);
        Assert.Contains("REVIEW DUE", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_PriceChangedAfterTheEval_ShowsCostAtTodaysPrice()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");
        var folder = Path.Combine(f.Folder, "out");

        Assert.Equal(0, await f.RunAsync("select", ".", "-f", "json", "-o", folder));
        var before = StrongCost(await File.ReadAllTextAsync(Path.Combine(folder, "selection.json")));

        // Ten times the input price, no new eval run: the matrix must follow today's price.
        WriteSpec(f, withSelection: true, strongInput: "25.00");
        Assert.Equal(0, await f.RunAsync("select", ".", "-f", "json", "-o", folder));
        var after = StrongCost(await File.ReadAllTextAsync(Path.Combine(folder, "selection.json")));

        Assert.True(after > before * 2, $"{before} → {after}");
    }

    private static decimal StrongCost(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("candidateId").GetString() == "strong")
            .GetProperty("costPerRequest").GetDecimal();
    }

    [Fact]
    public async Task Check_NoRunToCompareWith_SaysHowManyTriggersWereNotChecked()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");
        Assert.Equal(0, await f.RunAsync("select", ".", "--write", "--format", "none"));
        Directory.Delete(Path.Combine(f.Folder, ".shipgate"), recursive: true);

        Assert.Equal(0, await f.RunAsync("select", ".", "--check"));

        Assert.Contains("no review due; 1 of 4 triggers not checked: no completed eval run to compare with", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DecisionOlderThanMaxAge_ExitsOne()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");
        await f.RunAsync("select", ".", "--write", "--format", "none");

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(181));
        var (code, output) = await RunAtAsync(f, time, "select", ".", "--check");

        Assert.Equal(1, code);
        Assert.Contains("decision older than 180 days", output, StringComparison.Ordinal);
        Assert.Contains("181 days ago", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_NoSelectionSection_ExitsTwoAndSaysWhatToAdd()
    {
        await using var f = await StartAsync(withSelection: false);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("select", ".", "--format", "none");

        Assert.Equal(2, code);
        Assert.Contains("no 'selection:' section", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_NoRunYet_ExitsTwoPointingAtEval()
    {
        await using var f = await StartAsync();

        var code = await f.RunAsync("select", ".");

        Assert.Equal(2, code);
        Assert.Contains("shipgate eval", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_WriteAndCheckTogether_IsAUsageError()
    {
        await using var f = await StartAsync();

        Assert.Equal(2, await f.RunAsync("select", ".", "--write", "--check"));
    }
    [Fact]
    public async Task Select_Write_WinnerPassesTheGateOnTodaysSpec_RecordsAccepted()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(0, await f.RunAsync("select", ".", "--write", "--format", "none"));

        Assert.Contains("decision status: accepted", f.Output, StringComparison.Ordinal);
        Assert.Contains("- Status: accepted", await File.ReadAllTextAsync(Path.Combine(f.Folder, "decisions", "model-selection.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_Write_WinnerFailsTheGateAndSpecChanged_RecordsProposedWithBothReasons()
    {
        await using var f = await StartAsync(minPassRate: 0.9);
        await f.RunAsync("eval", ".", "--format", "none");
        WriteSpec(f, withSelection: true, strongInput: "3.00", minPassRate: 0.9); // a price edited after the run

        await f.RunAsync("select", ".", "--write", "--format", "none");

        var record = await File.ReadAllTextAsync(Path.Combine(f.Folder, "decisions", "model-selection.md"));
        Assert.Contains("- Status: proposed, not accepted: the winner weak does not pass the ship gate", record, StringComparison.Ordinal);
        Assert.Contains("earlier version of shipgate.yaml", record, StringComparison.Ordinal);
        var snapshot = await File.ReadAllTextAsync(Path.Combine(f.Folder, "decisions", "model-selection.json"));
        Assert.Contains("\"status\": \"proposed\"", snapshot, StringComparison.Ordinal);
        Assert.Contains("decision status: proposed", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_OneCandidateRunWithoutDecision_SaysTheMatrixComparesNothingAndExitsOne()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "-c", "weak", "--format", "none");

        var code = await f.RunAsync("select", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("holds only weak: the matrix compares nothing", f.Output, StringComparison.Ordinal);
        Assert.Contains("no decision is recorded to fall back on", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_OneCandidateRunAfterADecision_TheDecisionStandsAndIsNotOverwritten()
    {
        await using var f = await StartAsync();
        await f.RunAsync("eval", ".", "--format", "none");
        Assert.Equal(0, await f.RunAsync("select", ".", "--write", "--format", "none"));
        await f.RunAsync("eval", ".", "-c", "strong", "--format", "none");

        var code = await f.RunAsync("select", ".", "--write", "--format", "none");

        Assert.Equal(0, code);
        Assert.Contains("holds only strong: the matrix compares nothing", f.Output, StringComparison.Ordinal);
        Assert.Contains("the recorded decision weak stands", f.Output, StringComparison.Ordinal);
        Assert.Contains("the recorded decision is weak (decisions/model-selection.json", f.Output, StringComparison.Ordinal);
        Assert.Contains("decision not written", f.Output, StringComparison.Ordinal);
        Assert.Contains("Use **weak**", await File.ReadAllTextAsync(Path.Combine(f.Folder, "decisions", "model-selection.md")), StringComparison.Ordinal);
    }
}
