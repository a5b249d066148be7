using Shipgate.Specs;

namespace Shipgate.Cli.Tests.Commands;

public sealed class CasesAddCommandTests : IDisposable
{
    private readonly SuiteFolder _suite = new SuiteFolder()
        .Write("shipgate.yaml", SuiteFolder.SpecText)
        .Write("cases/happy.yaml", SuiteFolder.HappyCases);

    private const string Complaints = """
        {"input": "how much does tallybook plus cost now?", "output": "Plus costs $5 per month.", "note": "Wrong price"}
        {"input": "The app keeps logging me out on Android every time I close it", "output": "Turn on 2FA in Settings.", "note": "Answered another question", "tags": ["edge"], "user_id": "u-1"}
        {"input": {"question": "I was charged twice for Plus this month"}, "origin": "complaint", "tags": ["billing"], "assertions": [{"type": "icontains", "value": "Settings > Billing"}]}
        {"input": "the app keeps logging me out on android every time i close it!", "note": "same as line 2"}
        """;

    private FeatureSpec Load() => new SpecLoader().Load(_suite.Folder);

    [Fact]
    public async Task Add_NewItems_AppendsDatedTaggedCasesThatLoad()
    {
        _suite.Write("complaints.jsonl", Complaints);

        var code = await _suite.RunAsync("cases", "add", "complaints.jsonl");

        Assert.True(code == 0, _suite.Output);
        Assert.Contains("skipped line 1: near-duplicate of case 'happy-price' (cases/happy.yaml:2:3)", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("skipped line 4: near-duplicate of line 2 of the same file", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("added 2 case(s) to cases/production.yaml", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("1 new case(s) have no assertions", _suite.Output, StringComparison.Ordinal);
        var added = Load().Cases.Where(c => c.Location.File == "cases/production.yaml").ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, c => Assert.Equal(new DateOnly(2026, 11, 29), c.Added));
        Assert.All(added, c => Assert.Matches("^prod-20261129-[0-9a-f]{8}$", c.Id));
        Assert.Equal("production", added[0].Origin);
        Assert.Equal(["production", "edge"], added[0].Tags);
        Assert.Equal("Answered another question", added[0].Description);
        Assert.Empty(added[0].Assertions);
        Assert.Equal("complaint", added[1].Origin);
        Assert.Equal(["complaint", "billing"], added[1].Tags);
        Assert.Equal("Settings > Billing", Assert.Single(added[1].Assertions).Value);
        Assert.Contains("#   Turn on 2FA in Settings.", _suite.Read("cases/production.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ExistingFileUnderCasesKey_AppendsWithoutRewriting()
    {
        const string existing = "# Production cases, oldest first.\ncases:\n    - id: prod-old\n      origin: production\n      added: 2026-10-01\n      vars: { question: \"Where is my invoice?\" }\n      assertions: [{ type: icontains, value: Invoices }]";
        _suite.Write("cases/production.yaml", existing)
            .Write("trace.jsonl", "{\"input\": \"Why is the sync icon spinning forever on my laptop?\"}\n");

        var code = await _suite.RunAsync("cases", "add", "trace.jsonl");

        Assert.True(code == 0, _suite.Output);
        var text = _suite.Read("cases/production.yaml");
        Assert.StartsWith(existing + "\n", text, StringComparison.Ordinal);
        Assert.Contains("\n    - id: prod-20261129-", text, StringComparison.Ordinal);
        Assert.Equal(["prod-old", "prod-20261129"], Load().Cases.Where(c => c.Location.File == "cases/production.yaml").Select(c => c.Id[..Math.Min(c.Id.Length, 13)]));
    }

    [Fact]
    public async Task Add_SameFileTwice_SecondTimeAddsNothing()
    {
        _suite.Write("complaints.jsonl", Complaints);
        Assert.Equal(0, await _suite.RunAsync("cases", "add", "complaints.jsonl"));
        var before = _suite.Read("cases/production.yaml");

        var code = await _suite.RunAsync("cases", "add", "complaints.jsonl");

        Assert.Equal(0, code);
        Assert.Contains("Nothing to add", _suite.Output, StringComparison.Ordinal);
        Assert.Equal(before, _suite.Read("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_DryRun_ShowsCasesAndWritesNothing()
    {
        _suite.Write("complaints.jsonl", Complaints);

        var code = await _suite.RunAsync("cases", "add", "complaints.jsonl", "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("Dry run: nothing was written", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("- id: prod-20261129-", _suite.Output, StringComparison.Ordinal);
        Assert.False(_suite.Exists("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_CaseTheSpecRejects_RollsBackTheAppend()
    {
        const string existing = "- id: prod-old\n  vars: { question: \"Where is my invoice?\" }\n";
        _suite.Write("cases/production.yaml", existing)
            .Write("bad.jsonl", "{\"input\": \"Is there a dark mode?\", \"assertions\": [{\"type\": \"icontainz\", \"value\": \"dark\"}]}\n");

        var code = await _suite.RunAsync("cases", "add", "bad.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("cases/production.yaml:", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("icontainz", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back; nothing was added", _suite.Output, StringComparison.Ordinal);
        Assert.Equal(existing, _suite.Read("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_CaseTheSpecRejectsInNewFile_RemovesTheFile()
    {
        _suite.Write("bad.jsonl", "{\"input\": \"Is there a dark mode?\", \"assertions\": [{\"type\": \"regex\", \"value\": \"(unclosed\"}]}\n");

        var code = await _suite.RunAsync("cases", "add", "bad.jsonl");

        Assert.Equal(2, code);
        Assert.False(_suite.Exists("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_BadJsonLine_NamesFileAndLineAndWritesNothing()
    {
        _suite.Write("broken.jsonl", "{\"input\": \"fine\"}\n{\"input\": \"unterminated}\n{\"input\": {\"other\": \"x\"}}\n");

        var code = await _suite.RunAsync("cases", "add", "broken.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("broken.jsonl:2:1: error: not valid JSON", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("broken.jsonl:3:1: error: 'input' has no value for {{question}}", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was added", _suite.Output, StringComparison.Ordinal);
        Assert.False(_suite.Exists("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_TextInputWhenPromptHasTwoVariables_AsksForAnObject()
    {
        _suite.Write("shipgate.yaml", SuiteFolder.SpecText.Replace("Customer question: {{question}}", "{{product}}: {{question}}", StringComparison.Ordinal))
            .Write("cases/happy.yaml", "- id: h\n  vars: { question: q, product: p }\n")
            .Write("in.jsonl", "{\"input\": {\"product\": \"Tallybook\", \"question\": \"ok\"}}\n{\"input\": \"just text\"}\n{\"input\": {\"question\": \"no product\"}}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("in.jsonl:2:1: error: 'input' is text, but the prompts use {{product}}, {{question}}", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("in.jsonl:3:1: error: 'input' has no value for {{product}}", _suite.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_TargetOutsideSuiteFiles_TellsHowToIncludeIt()
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\"}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl", "--to", "traces/prod.yaml");

        Assert.Equal(0, code);
        Assert.Contains("traces/prod.yaml is not in the spec's suite.files", _suite.Output, StringComparison.Ordinal);
        Assert.True(_suite.Exists("traces/prod.yaml"));
    }

    [Fact]
    public async Task Add_InvalidCaseInFileOutsideSuiteFiles_IsStillValidatedAndRolledBack()
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\", \"assertions\": [{\"type\": \"length\"}]}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl", "--to", "traces/prod.yaml");

        Assert.Equal(2, code);
        Assert.Contains("traces/prod.yaml:", _suite.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("../", _suite.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back", _suite.Output, StringComparison.Ordinal);
        Assert.False(_suite.Exists("traces/prod.yaml"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_suite.Folder, ".shipgate"), "cases-check-*"));
    }

    [Fact]
    public async Task Add_ItemWithContext_KeepsItAsTheCaseContext()
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\", \"context\": [\"On the web you can pay with Visa or PayPal.\"]}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl");

        Assert.True(code == 0, _suite.Output);
        var added = Assert.Single(Load().Cases, c => c.Location.File == "cases/production.yaml");
        Assert.Equal(["On the web you can pay with Visa or PayPal."], added.Context);
    }

    [Fact]
    public async Task Add_LoneSurrogate_ExitTwoWithFileAndLine()
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\"}\n{\"input\": \"broken \\ud800 text\"}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("in.jsonl:2:19: error: '\\ud800' is half of a UTF-16 surrogate pair", _suite.Output, StringComparison.Ordinal);
        Assert.False(_suite.Exists("cases/production.yaml"));
    }

    [Fact]
    public async Task Add_InvalidUtf8_ExitTwoWithFileAndLine()
    {
        _suite.Write("in.jsonl", "{\"input\": \"fine\"}\n");
        File.AppendAllBytes(Path.Combine(_suite.Folder, "in.jsonl"), [(byte)'{', 0xC3, 0x28, (byte)'}', (byte)'\n']);

        var code = await _suite.RunAsync("cases", "add", "in.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("in.jsonl:2:1: error: the file is not valid UTF-8", _suite.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ToAFolder_ExitTwoWithClearMessage()
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\"}\n");
        Directory.CreateDirectory(Path.Combine(_suite.Folder, "cases", "more.yaml"));

        var code = await _suite.RunAsync("cases", "add", "in.jsonl", "--to", "cases/more.yaml");

        Assert.Equal(2, code);
        Assert.Contains("--to is a folder, not a case file", _suite.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _suite.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("cases/../../outside.yaml")]
    public async Task Add_ToOutsideTheFeatureFolder_RefusedAndNothingWritten(string to)
    {
        _suite.Write("in.jsonl", "{\"input\": \"Can I pay with PayPal?\"}\n");

        var code = await _suite.RunAsync("cases", "add", "in.jsonl", "--to", to);

        Assert.Equal(2, code);
        Assert.Contains("--to points outside the feature folder", _suite.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_suite.Folder)!, "outside.yaml")));
    }

    public void Dispose() => _suite.Dispose();
}
