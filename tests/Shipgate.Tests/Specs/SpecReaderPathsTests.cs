using System.Diagnostics;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

/// <summary>Files a spec names: paths, the feature folder, file types, and checks that used to fail only mid-run.</summary>
public sealed class SpecReaderPathsTests : IDisposable
{
    private readonly TempFeature _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A valid spec: one prompt, one local candidate, one case; <paramref name="extra"/> is appended at the root.</summary>
    private TempFeature Spec(string extra = "", string prompt = "    user: \"Q: {{question}}\"", string provider = "local:extractive", string knowledge = "[docs/*.md]", string feature = "")
    {
        _dir.Write("docs/a.md", "# Refunds\nRefunds take 5 days.\n");
        return _dir.Write("shipgate.yaml", $"""
            version: 1
            feature:
              name: refunds
            {feature}
            knowledge: {knowledge}
            prompts:
              - id: answer
            {prompt}
            candidates:
              - id: baseline
                provider: {provider}
            suite:
              cases:
                - id: c1
                  vars: {"{"} question: "How long?" {"}"}
            {extra}
            """);
    }

    private static void AssertLocated(SpecError error, string contains)
    {
        Assert.Contains(contains, error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0, $"no line in {error}");
        Assert.DoesNotContain('\0', error.ToString());
    }

    [Theory]
    [InlineData("knowledge", "[\"docs/a\\0.md\"]", "", "")]
    [InlineData("file", "", "    file: \"prompt\\0.txt\"", "")]
    [InlineData("system_file", "", "    user: \"Q: {{question}}\"\n    system_file: \"sys\\0.txt\"", "")]
    [InlineData("suite.files", "", "", "suite:\n  files: [\"cases\\0.yaml\"]")]
    public void Load_NulInPath_IsLocatedError(string field, string knowledge, string prompt, string suite)
    {
        Spec(knowledge: knowledge.Length > 0 ? knowledge : "[docs/*.md]", prompt: prompt.Length > 0 ? prompt : "    user: \"Q: {{question}}\"");
        if (suite.Length > 0)
        {
            var text = File.ReadAllText(Path.Combine(_dir.Root, "shipgate.yaml"));
            var at = text.IndexOf("suite:", StringComparison.Ordinal);
            _dir.Write("shipgate.yaml", text[..at] + suite + "\n");
        }

        var errors = _dir.Errors();

        Assert.Contains(errors, e => e.Message.Contains("NUL character", StringComparison.Ordinal) && e.Location.Line > 0);
        Assert.All(errors, e => Assert.DoesNotContain('\0', e.ToString()));
        Assert.NotNull(field);
    }

    [Fact]
    public void Load_NulInReplayPath_IsLocatedError()
    {
        Spec(provider: "\"replay:out\\0.jsonl\"");

        var error = _dir.SingleError();

        AssertLocated(error, "NUL character");
        Assert.Contains("replay path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NulInSchemaValuePath_IsLocatedError()
    {
        Spec(extra: """
            defaults:
              assertions:
                - type: json-schema
                  value: "schema\0.json"
            """);

        AssertLocated(_dir.SingleError(), "NUL character");
    }

    [Fact]
    public void Load_KnowledgeGlobMatchesDanglingLink_IsLocatedError()
    {
        Spec();
        File.CreateSymbolicLink(Path.Combine(_dir.Root, "docs", "gone.md"), Path.Combine(_dir.Root, "nowhere.md"));

        var error = _dir.SingleError();

        AssertLocated(error, "docs/gone.md' is a symbolic link to");
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KnowledgeGlobMatchesLinkLoop_IsLocatedError()
    {
        Spec();
        File.CreateSymbolicLink(Path.Combine(_dir.Root, "docs", "x.md"), Path.Combine(_dir.Root, "docs", "y.md"));
        File.CreateSymbolicLink(Path.Combine(_dir.Root, "docs", "y.md"), Path.Combine(_dir.Root, "docs", "x.md"));

        var errors = _dir.Errors();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => AssertLocated(e, "symbolic link loop"));
    }

    [Fact]
    public void Load_KnowledgeGlobMatchesFifo_IsErrorAndDoesNotHang()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        Spec();
        MakeFifo(Path.Combine(_dir.Root, "docs", "pipe.md"));

        var watch = Stopwatch.StartNew();
        var error = _dir.SingleError();

        AssertLocated(error, "is a named pipe (FIFO), not a regular file");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Load_DevZeroAsKnowledge_IsRejectedAsOutsideTheFolder()
    {
        Spec(knowledge: "[/dev/zero]");

        AssertLocated(_dir.SingleError(), "outside the feature folder");
    }

    [Fact]
    public void Load_DevZeroWithOutsideFilesAllowed_IsRejectedAsADevice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Spec(knowledge: "[/dev/zero]", feature: "  allow_outside_files: true");

        AssertLocated(_dir.SingleError(), "is a character device, not a regular file");
    }

    [Fact]
    public void Load_LinkToDevUrandom_IsRejectedWithoutReading()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Spec();
        File.CreateSymbolicLink(Path.Combine(_dir.Root, "docs", "random.md"), "/dev/urandom");

        AssertLocated(_dir.SingleError(), "knowledge file 'docs/random.md' is a character device, not a regular file");
    }

    [Fact]
    public void Load_KnowledgeOutsideTheFolder_IsErrorUnlessAllowed()
    {
        var outside = Path.Combine(Path.GetTempPath(), "shipgate-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "shared policy");
        try
        {
            Spec(knowledge: $"[\"{outside}\", \"../{Path.GetFileName(outside)}\"]");
            var errors = _dir.Errors();
            Assert.Equal(2, errors.Count);
            Assert.All(errors, e => AssertLocated(e, "outside the feature folder"));
            Assert.Contains("allow_outside_files", errors[0].Hint, StringComparison.Ordinal);

            Spec(knowledge: $"[\"{outside}\"]", feature: "  allow_outside_files: true");
            Assert.Equal([outside], _dir.Load().KnowledgeFiles);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Load_PatternOutsideTheFolder_IsErrorWithoutWalkingTheDisk()
    {
        Spec(knowledge: "[\"/**/*.md\", \"../../**\"]");

        var watch = Stopwatch.StartNew();
        var errors = _dir.Errors();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => AssertLocated(e, "outside the feature folder"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Load_FolderWhereAFileIsExpected_SaysItIsAFolder()
    {
        Spec(prompt: "    file: docs");

        AssertLocated(_dir.SingleError(), "prompt file 'docs' is a folder, not a file");
    }

    [Fact]
    public void Load_FolderLinkLoopUnderAGlob_IsNotFollowed()
    {
        Spec(knowledge: "[\"docs/**/*.md\"]");
        Directory.CreateSymbolicLink(Path.Combine(_dir.Root, "docs", "again"), Path.Combine(_dir.Root, "docs"));

        var spec = _dir.Load();

        Assert.Equal([Path.Combine(_dir.Root, "docs", "a.md")], spec.KnowledgeFiles);
    }

    [Fact]
    public void Load_UnresolvableSchemaRef_IsLocatedSpecError()
    {
        Spec(extra: """
            defaults:
              assertions:
                - type: json-schema
                  schema:
                    type: object
                    properties:
                      total: { $ref: "#/$defs/money" }
            """);

        var error = _dir.SingleError();

        AssertLocated(error, "$ref '#/$defs/money' cannot be resolved");
        Assert.Equal(18, error.Location.Line);
    }

    [Fact]
    public void Load_UnresolvableRefInSchemaFile_IsLocatedSpecError()
    {
        Spec(extra: """
            defaults:
              assertions:
                - type: json-schema
                  value: schemas/invoice.json
            """);
        _dir.Write("schemas/invoice.json", """{"type": "object", "properties": {"a": {"$ref": "https://example.com/other.json"}}}""");

        AssertLocated(_dir.SingleError(), "is not a schema declared inside this one");
    }

    [Fact]
    public void Load_ResolvableSchemaRefs_Load()
    {
        Spec(extra: """
            defaults:
              assertions:
                - type: json-schema
                  schema:
                    $defs:
                      money: { type: number, $anchor: money }
                    type: object
                    properties:
                      total: { $ref: "#/$defs/money" }
                      tax: { $ref: "#money" }
                      self: { $ref: "#" }
            """);

        Assert.Single(_dir.Load().DefaultAssertions);
    }

    [Theory]
    [InlineData("repeats: 2147483647", "'run.repeats' must be between 1 and 100")]
    [InlineData("timeout_seconds: 4.9e-324", "'run.timeout_seconds' must be between 0.01 and 86400")]
    [InlineData("concurrency: 100000", "'run.concurrency' must be between 1 and 1000")]
    [InlineData("retries: 2147483647", "'run.retries' must be between 0 and 100")]
    public void Load_RunValueOutOfRange_IsLocatedError(string line, string message)
    {
        Spec(extra: "run:\n  " + line);

        AssertLocated(_dir.SingleError(), message);
    }

    [Fact]
    public void Load_PlanAboveTheCallLimit_IsLocatedError()
    {
        var cases = string.Join("\n", Enumerable.Range(0, 10_001).Select(i => $"{{\"id\": \"c{i}\", \"vars\": {{\"question\": \"q\"}}}}"));
        _dir.Write("cases.jsonl", cases);
        Spec(extra: "run:\n  repeats: 100");
        var text = File.ReadAllText(Path.Combine(_dir.Root, "shipgate.yaml"));
        _dir.Write("shipgate.yaml", text.Replace("suite:\n  cases:\n    - id: c1\n      vars: { question: \"How long?\" }", "suite:\n  files: [cases.jsonl]", StringComparison.Ordinal));

        var error = _dir.SingleError();

        AssertLocated(error, "the run would make 1,000,100 calls (10,001 cases × 1 candidates × 100 repeats); the limit is 1,000,000");
    }

    [Fact]
    public void Load_ReplayFileWithABadLine_ReportsTheReplayFileLine()
    {
        Spec(provider: "replay:out.jsonl");
        _dir.Write("out.jsonl", "{\"case_id\": \"c1\", \"output\": \"5 days\"}\n\n{not json\n{\"output\": \"x\"}\n");

        var errors = _dir.Errors();

        Assert.Equal(2, errors.Count);
        Assert.Equal(("out.jsonl", 3), (errors[0].Location.File, errors[0].Location.Line));
        Assert.Contains("not valid JSON", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(4, errors[1].Location.Line);
        Assert.Contains("\"case_id\"", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("shipgate.yaml:", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingReplayFile_IsLocatedError()
    {
        Spec(provider: "replay:recorded.jsonl");

        AssertLocated(_dir.SingleError(), "replay file 'recorded.jsonl' not found");
    }

    [Fact]
    public void Load_ExecWithUnbalancedQuote_IsLocatedError()
    {
        Spec(provider: "\"exec:python3 'answer.py\"");

        AssertLocated(_dir.SingleError(), "the exec command line cannot be split: unterminated single quote");
    }

    [Fact]
    public void Load_ExecWithNul_IsLocatedError()
    {
        Spec(provider: "\"exec:python3 answer\\0.py\"");

        AssertLocated(_dir.SingleError(), "the exec command line 'python3 answer\\x00.py' contains a control character at position 15");
    }

    [Theory]
    [InlineData("${OPENAI_BASE_URL", "unclosed '${' at position 1")]
    [InlineData("https://${1HOST}/v1", "'${1HOST}' in base_url")]
    public void Load_BadVariableInBaseUrl_IsLocatedError(string url, string message)
    {
        Spec(provider: "openai:gpt-4o-mini\n    api_key_env: OPENAI_API_KEY\n    base_url: \"" + url + "\"");

        AssertLocated(_dir.SingleError(), message);
    }

    [Theory]
    [InlineData("    user: \"  \"", "prompt 'answer' is empty")]
    [InlineData("    user: \"\"\n    system: \"You answer refunds.\"", "the user text of prompt 'answer' is blank")]
    public void Load_BlankPrompt_IsLocatedError(string prompt, string message)
    {
        Spec(prompt: prompt);

        AssertLocated(_dir.SingleError(), message);
    }

    [Fact]
    public void Load_EmptyPromptFile_IsLocatedError()
    {
        Spec(prompt: "    file: prompt.txt");
        _dir.Write("prompt.txt", "\n \n");

        AssertLocated(_dir.SingleError(), "prompt 'answer' is empty");
    }

    [Theory]
    [InlineData("  - id: \"answer\\n\"", "prompt id 'answer\\x0A'")]
    [InlineData("  - id: \"ans\\u001b[31mwer\"", "prompt id 'ans\\x1B[31mwer'")]
    public void Load_IdWithControlCharacter_IsErrorShownEscaped(string idLine, string message)
    {
        Spec();
        var text = File.ReadAllText(Path.Combine(_dir.Root, "shipgate.yaml"));
        _dir.Write("shipgate.yaml", text.Replace("  - id: answer", idLine, StringComparison.Ordinal));

        var errors = _dir.Errors();

        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Location.Line > 0);
        Assert.All(errors, e => Assert.Equal(-1, ControlCharacters.IndexOfUnsafe(e.ToString(), singleLine: true)));
    }

    [Fact]
    public void Load_CaseIdEndingInNewline_IsLocatedError()
    {
        Spec();
        var text = File.ReadAllText(Path.Combine(_dir.Root, "shipgate.yaml"));
        _dir.Write("shipgate.yaml", text.Replace("- id: c1", "- id: \"c1\\n\"", StringComparison.Ordinal));

        AssertLocated(_dir.SingleError(), "case id 'c1\\x0A'");
    }

    [Fact]
    public void Load_FeatureNameEndingInNewline_IsLocatedError()
    {
        Spec();
        var text = File.ReadAllText(Path.Combine(_dir.Root, "shipgate.yaml"));
        _dir.Write("shipgate.yaml", text.Replace("name: refunds", "name: \"refunds\\n\"", StringComparison.Ordinal));

        AssertLocated(_dir.SingleError(), "feature name 'refunds\\x0A'");
    }

    [Fact]
    public void Load_SpecFileIsAFifo_IsErrorAndDoesNotHang()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fifo = Path.Combine(_dir.Root, "shipgate.yaml");
        MakeFifo(fifo);

        var e = Assert.Throws<SpecException>(() => new SpecLoader().Load(fifo));

        Assert.Contains("named pipe", e.Errors[0].Message, StringComparison.Ordinal);
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
