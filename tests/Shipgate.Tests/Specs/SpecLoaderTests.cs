using System.Text.Json.Nodes;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecLoaderTests
{
    /// <summary>A valid spec whose suite reads cases/*.yaml; lines are referenced by tests.</summary>
    private const string MinimalSpec = """
        version: 1
        feature:
          name: refunds
        prompts:
          - id: answer
            user: "Q: {{question}}"
        candidates:
          - id: baseline
            provider: local:extractive
        suite:
          files:
            - cases/*.yaml

        """;

    private const string OneCase = """
        - id: c1
          vars: { question: hi }

        """;

    [Fact]
    public void Load_FullSpec_ReadsEveryField()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", """
            version: 1
            feature:
              name: support-assistant
              description: Answers questions.
            knowledge:
              - knowledge/**/*.md
            prompts:
              - id: answer
                system: You answer from the docs.
                user: "Customer question: {{ question }}"
              - id: from-file
                file: prompts/answer.txt
                system_file: prompts/system.txt
            candidates:
              - id: baseline
                provider: local:extractive
              - id: gpt-4o-mini
                provider: openai:gpt-4o-mini
                prompt: from-file
                base_url: ${OPENAI_BASE_URL}
                api_key_env: OPENAI_API_KEY
                temperature: 0.2
                max_tokens: 400
                top_p: 1
                seed: 7
                stop: ["\n\n\n"]
                stream: true
                pricing: { input: 0.15, output: 0.60, cached_input: 0.075 }
                options: { api_version: "2024-10-21", retries: 2 }
            suite:
              files:
                - cases/*.yaml
                - cases/extra.jsonl
                - cases/table.csv
              cases:
                - id: hello
                  vars: { question: Hi, product: Notes }
            defaults:
              assertions:
                - type: not-icontains
                  value: as an ai language model
            gate:
              min_pass_rate: 0.9
              min_mean_score: 0.8
              max_safety_failures: 0
              max_p95_latency_ms: 3000
              max_cost_per_request: 0.01
              max_error_rate: 0.05
            run:
              concurrency: 2
              repeats: 3
              timeout_seconds: 30
              retries: 1
              retry_base_delay_ms: 250
              max_retry_delay_ms: 5000

            """);
        f.Write("prompts/answer.txt", "Q: {{question}} about {{product}}");
        f.Write("prompts/system.txt", "Be brief.");
        f.Write("knowledge/faq.md", "# FAQ");
        f.Write("knowledge/deep/more.md", "# More");
        f.Write("knowledge/notes.txt", "not markdown");
        f.Write("knowledge/.hidden/secret.md", "hidden");
        f.Write("schemas/answer.json", """{"type": "object", "required": ["answer"]}""");
        f.Write("cases/a.yaml", """
            - id: refund-window
              description: Refund policy basics
              tags: [happy, safety]
              vars: { question: "Can I get a refund after 20 days?", product: Notes }
              reference: Refunds are available within 30 days of purchase.
              context: ["Refunds: within 30 days."]
              threshold: 0.75
              assertions:
                - type: icontains
                  value: 30 days
                - type: similar
                  weight: 2
                - type: regex
                  value: "\\d+ days"
                - type: json-schema
                  schema: { type: object, properties: { answer: { type: string } } }
                - type: json-schema
                  value: schemas/answer.json
                - type: length
                  min: 10
                  max: 500
                - type: not-contains-any
                  values: [sorry, cannot]
                - type: cost
                  max: 0.002
                - type: latency
                  max: 2000
                - type: is-json

            """);
        f.Write("cases/b.yaml", """
            cases:
              - id: b1
                vars: { question: q, product: p }

            """);
        f.Write("cases/extra.jsonl", """
            {"id": "j1", "vars": {"question": "a", "product": "p"}, "tags": ["edge"]}

            {"id": "j2", "vars": {"question": "b", "product": "p"}, "assertions": [{"type": "equals", "value": "x"}]}

            """);
        f.Write("cases/table.csv", "id,tags,question,product,assert:icontains,assert:icontains-any,reference\r\n"
            + "t1,edge;adversarial,\"Hello, \"\"world\"\"\",Notes,30 days,a;b,ref one\r\n"
            + "t2,,\"two\nlines\",Notes,,,\r\n");

        var spec = f.Load();

        Assert.Equal("support-assistant", spec.Name);
        Assert.Equal("Answers questions.", spec.Description);
        Assert.Equal(Path.GetFullPath(f.Root), spec.RootDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(f.Root), "shipgate.yaml"), spec.SpecFile);
        Assert.Equal(
            [Path.Combine(f.Root, "knowledge", "deep", "more.md"), Path.Combine(f.Root, "knowledge", "faq.md")],
            spec.KnowledgeFiles);

        Assert.Equal(2, spec.Prompts.Count);
        Assert.Equal(new PromptTemplate("answer", "You answer from the docs.", "Customer question: {{ question }}", new SourceLocation("shipgate.yaml", 8, 5)), spec.Prompts[0]);
        Assert.Equal("Q: {{question}} about {{product}}", spec.Prompts[1].User);
        Assert.Equal("Be brief.", spec.Prompts[1].System);

        Assert.Equal(["baseline", "gpt-4o-mini"], spec.Candidates.Select(c => c.Id));
        var baseline = spec.Candidates[0];
        Assert.Equal("local", baseline.Scheme);
        Assert.Null(baseline.Prompt);
        Assert.Null(baseline.Pricing);
        var gpt = spec.Candidates[1];
        Assert.Equal("openai:gpt-4o-mini", gpt.Provider);
        Assert.Equal("from-file", gpt.Prompt);
        Assert.Equal("${OPENAI_BASE_URL}", gpt.BaseUrl);
        Assert.Equal("OPENAI_API_KEY", gpt.ApiKeyEnv);
        Assert.Equal(0.2f, gpt.Settings.Temperature);
        Assert.Equal(400, gpt.Settings.MaxTokens);
        Assert.Equal(1f, gpt.Settings.TopP);
        Assert.Equal(7L, gpt.Settings.Seed);
        Assert.Equal(["\n\n\n"], gpt.Settings.Stop!);
        Assert.True(gpt.Settings.Stream);
        Assert.Equal(new Pricing(0.15m, 0.60m, 0.075m), gpt.Pricing);
        Assert.Equal("2024-10-21", gpt.Options["api_version"]);
        Assert.Equal("2", gpt.Options["retries"]);
        Assert.Equal(new SourceLocation("shipgate.yaml", 17, 5), gpt.Location);

        Assert.Equal(["refund-window", "b1", "j1", "j2", "t1", "t2", "hello"], spec.Cases.Select(c => c.Id));
        var refund = spec.Cases[0];
        Assert.Equal("Refund policy basics", refund.Description);
        Assert.Equal(["happy", "safety"], refund.Tags);
        Assert.True(refund.IsSafety);
        Assert.Equal("Can I get a refund after 20 days?", refund.Vars["question"]);
        Assert.Equal("Refunds are available within 30 days of purchase.", refund.Reference);
        Assert.Equal(["Refunds: within 30 days."], refund.Context);
        Assert.Equal(0.75, refund.Threshold);
        Assert.Equal(new SourceLocation("cases/a.yaml", 1, 3), refund.Location);
        Assert.Equal(
            ["icontains", "similar", "regex", "json-schema", "json-schema", "length", "not-contains-any", "cost", "latency", "is-json"],
            refund.Assertions.Select(a => a.DisplayType));
        Assert.Equal("30 days", refund.Assertions[0].Value);
        Assert.Equal(new SourceLocation("cases/a.yaml", 9, 7), refund.Assertions[0].Location);
        Assert.Equal(0.75, refund.Assertions[1].Threshold);
        Assert.Equal(2.0, refund.Assertions[1].Weight);
        Assert.Equal(@"\d+ days", refund.Assertions[2].Value);
        Assert.Equal("string", refund.Assertions[3].Schema!["properties"]!["answer"]!["type"]!.GetValue<string>());
        Assert.Equal("answer", refund.Assertions[4].Schema!["required"]![0]!.GetValue<string>());
        Assert.Equal((10.0, 500.0), (refund.Assertions[5].Min!.Value, refund.Assertions[5].Max!.Value));
        Assert.True(refund.Assertions[6].Negate);
        Assert.Equal("contains-any", refund.Assertions[6].Type);
        Assert.Equal(["sorry", "cannot"], refund.Assertions[6].Values);
        Assert.Equal(0.002, refund.Assertions[7].Max);
        Assert.Equal(2000, refund.Assertions[8].Max);

        Assert.Equal(new SourceLocation("cases/b.yaml", 2, 5), spec.Cases[1].Location);

        var j2 = spec.Cases[3];
        Assert.Equal(new SourceLocation("cases/extra.jsonl", 3, 1), j2.Location);
        Assert.Equal("equals", Assert.Single(j2.Assertions).Type);
        Assert.Equal(["edge"], spec.Cases[2].Tags);

        var t1 = spec.Cases[4];
        Assert.Equal(new SourceLocation("cases/table.csv", 2, 1), t1.Location);
        Assert.Equal(["edge", "adversarial"], t1.Tags);
        Assert.Equal("Hello, \"world\"", t1.Vars["question"]);
        Assert.Equal("Notes", t1.Vars["product"]);
        Assert.Equal("ref one", t1.Reference);
        Assert.Equal(["icontains", "icontains-any"], t1.Assertions.Select(a => a.Type));
        Assert.Equal(["a", "b"], t1.Assertions[1].Values);
        var t2 = spec.Cases[5];
        Assert.Equal(new SourceLocation("cases/table.csv", 3, 1), t2.Location);
        Assert.Equal("two\nlines", t2.Vars["question"]);
        Assert.Empty(t2.Assertions);
        Assert.Empty(t2.Tags);
        Assert.Null(t2.Reference);

        Assert.Equal(new SourceLocation("shipgate.yaml", 36, 7), spec.Cases[6].Location);

        var d = Assert.Single(spec.DefaultAssertions);
        Assert.Equal(("icontains", true, "as an ai language model"), (d.Type, d.Negate, d.Value));

        Assert.Equal(new ShipGateSpec
        {
            MinPassRate = 0.9,
            MinMeanScore = 0.8,
            MaxSafetyFailures = 0,
            MaxP95LatencyMs = 3000,
            MaxCostPerRequest = 0.01m,
            MaxErrorRate = 0.05,
        }, spec.Gate);
        Assert.Equal(new RunSettings
        {
            Concurrency = 2,
            Repeats = 3,
            Timeout = TimeSpan.FromSeconds(30),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(250),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        }, spec.Run);
        Assert.Matches("^[0-9a-f]{64}$", spec.ContentHash);
    }

    [Fact]
    public void Load_MinimalSpec_UsesDefaults()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase);

        var spec = f.Load();

        Assert.Equal(new RunSettings(), spec.Run);
        Assert.Equal(new ShipGateSpec(), spec.Gate);
        Assert.Empty(spec.DefaultAssertions);
        Assert.Empty(spec.KnowledgeFiles);
        Assert.Null(spec.Prompts[0].System);
    }

    [Fact]
    public void Load_CaseGlobInTheSpecFolder_DoesNotTreatTheSpecAsACaseFile()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("- cases/*.yaml", "- \"*.yaml\"", StringComparison.Ordinal)).Write("cases.yaml", OneCase);

        var spec = f.Load();

        Assert.Equal("c1", Assert.Single(spec.Cases).Id);
    }

    [Fact]
    public void Load_SpecFilePath_LoadsSameAsFolder()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase);

        var fromFile = new SpecLoader().Load(Path.Combine(f.Root, "shipgate.yaml"));

        Assert.Equal(f.Load().ContentHash, fromFile.ContentHash);
        Assert.Equal("refunds", Spec.Load(f.Root).Name);
    }

    [Fact]
    public void Load_FolderWithoutSpec_ReportsMissingSpec()
    {
        using var f = new TempFeature();

        var error = f.SingleError();

        Assert.Contains("no shipgate.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PulledFileChanges_ContentHashChanges()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase);
        var first = f.Load().ContentHash;
        Assert.Equal(first, f.Load().ContentHash);

        f.Write("cases/a.yaml", OneCase.Replace("hi", "hello", StringComparison.Ordinal));

        Assert.NotEqual(first, f.Load().ContentHash);
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsPosition()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", """
            version: 1
            feature:
              name: refunds: extra

            """);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 3, 16), e.Location);
        Assert.StartsWith("invalid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedBracket_ReportsSyntaxErrorNotCrash()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", "version: 1\nknowledge: [a, b\nfeature:\n  name: x\n");

        var e = f.SingleError();

        Assert.Equal("shipgate.yaml", e.Location.File);
        Assert.True(e.Location.Line >= 2, e.ToString());
        Assert.StartsWith("invalid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TabIndentation_ReportsTabLine()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", "version: 1\nfeature:\n\tname: refunds\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 3, 1), e.Location);
        Assert.Contains("tabs are not allowed for indentation; use spaces", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_NamesFirstLine()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("  name: refunds\n", "  name: refunds\n  name: again\n", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 4, 3), e.Location);
        Assert.Equal("duplicate key 'name' (first at line 3)", e.Message);
    }

    [Fact]
    public void Load_UnknownCaseKey_SuggestsClosestKey()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/refunds.yaml", """
            - id: refund-1
              vars: { question: "Can I get a refund?" }
              asserts:
                - type: icontains
                  value: 30 days

            """);

        var e = f.SingleError();

        Assert.Equal("cases/refunds.yaml:3:3: unknown key 'asserts' in case 'refund-1' (did you mean 'assertions'?)", e.ToString());
    }

    [Fact]
    public void Load_UnknownTopLevelKey_SuggestsClosestKey()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "gates:\n  min_pass_rate: 0.9\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 13, 1), e.Location);
        Assert.Equal("unknown key 'gates' in the spec", e.Message);
        Assert.Equal("did you mean 'gate'?", e.Hint);
    }

    [Fact]
    public void Load_WrongType_NamesPathAndValue()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "gate:\n  min_pass_rate: high\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 14, 18), e.Location);
        Assert.Equal("expected a number for 'gate.min_pass_rate', got 'high'", e.Message);
    }

    [Fact]
    public void Load_OutOfRange_ReportsBounds()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "run:\n  concurrency: 0\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 14, 16), e.Location);
        Assert.Equal("'run.concurrency' must be between 1 and 1000, got 0", e.Message);
    }

    [Fact]
    public void Load_PassRateAboveOne_ReportsRange()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "gate:\n  min_pass_rate: 1.5\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal("'gate.min_pass_rate' must be between 0 and 1, got 1.5", e.Message);
    }

    [Fact]
    public void Load_MissingFeatureName_ReportsAtFeature()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("  name: refunds\n", "  description: no name\n", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 3, 3), e.Location);
        Assert.Equal("missing required key 'name' in 'feature'", e.Message);
    }

    [Fact]
    public void Load_MissingSections_ReportsEachRequiredKey()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", "feature:\n  name: x\n");

        var errors = f.Errors();

        Assert.Equal(
            ["missing required key 'version'", "missing required key 'prompts'", "missing required key 'candidates'", "missing required key 'suite'"],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(new SourceLocation("shipgate.yaml", 1, 1), e.Location));
    }

    [Fact]
    public void Load_UnsupportedVersion_ReportsVersion()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("version: 1", "version: 2", StringComparison.Ordinal)).Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 1, 10), e.Location);
        Assert.Equal("unsupported spec version 2", e.Message);
    }

    [Fact]
    public void Load_DuplicateCaseIdAcrossFiles_NamesBothLocations()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec)
            .Write("cases/a.yaml", OneCase.Replace("c1", "same", StringComparison.Ordinal))
            .Write("cases/b.yaml", "- id: other\n  vars: { question: x }\n" + OneCase.Replace("c1", "same", StringComparison.Ordinal));

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/b.yaml", 3, 3), e.Location);
        Assert.Equal("duplicate case id 'same' (first at cases/a.yaml:1:3)", e.Message);
    }

    [Fact]
    public void Load_UnknownPromptId_SuggestsPrompt()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("    provider: local:extractive\n", "    provider: local:extractive\n    prompt: answr\n", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 10, 13), e.Location);
        Assert.Equal("unknown prompt 'answr' in candidate 'baseline'", e.Message);
        Assert.Equal("did you mean 'answer'?", e.Hint);
    }

    [Fact]
    public void Load_UnknownProviderScheme_SuggestsScheme()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("local:extractive", "opnai:gpt-4o-mini", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 9, 15), e.Location);
        Assert.Equal("unknown provider scheme 'opnai' in candidate 'baseline'", e.Message);
        Assert.Equal("did you mean 'openai'?", e.Hint);
    }

    [Fact]
    public void Load_UnknownLocalProvider_ListsLocalProviders()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("local:extractive", "local:echo", StringComparison.Ordinal)).Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal("unknown local provider 'echo' in candidate 'baseline'", e.Message);
        Assert.Contains("extractive", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCaseFile_ReportsPattern()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/missing.yaml\n    - more/*.jsonl\n").Write("cases/a.yaml", OneCase);

        var errors = f.Errors();

        Assert.Equal(2, errors.Count);
        Assert.Equal(new SourceLocation("shipgate.yaml", 13, 7), errors[0].Location);
        Assert.Equal("case file 'cases/missing.yaml' not found", errors[0].Message);
        Assert.Equal(new SourceLocation("shipgate.yaml", 14, 7), errors[1].Location);
        Assert.Equal("no case files match 'more/*.jsonl'", errors[1].Message);
    }

    [Fact]
    public void Load_MissingPromptAndKnowledgeFiles_ReportsEach()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("    user: \"Q: {{question}}\"\n", "    file: prompts/missing.txt\n", StringComparison.Ordinal) + "knowledge:\n  - docs/*.md\n")
            .Write("cases/a.yaml", OneCase);

        var errors = f.Errors();

        Assert.Equal(["no knowledge files match 'docs/*.md'", "prompt file 'prompts/missing.txt' not found"], errors.Select(e => e.Message));
        Assert.Equal(new SourceLocation("shipgate.yaml", 14, 5), errors[0].Location);
        Assert.Equal(new SourceLocation("shipgate.yaml", 6, 11), errors[1].Location);
    }

    [Fact]
    public void Load_BadRegex_ReportsValuePosition()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + """
              assertions:
                - type: regex
                  value: "(unclosed"

            """);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.yaml", 5, 14), e.Location);
        Assert.StartsWith("invalid regex for 'value' in assertion 'regex' of case 'c1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("(unclosed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJsonSchema_ReportsSchemaPosition()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + """
              assertions:
                - type: json-schema
                  schema: { type: strin }

            """);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.yaml", 5, 15), e.Location);
        Assert.StartsWith("invalid JSON Schema in assertion 'json-schema' of case 'c1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("strin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownAssertionType_SuggestsType()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + """
              assertions:
                - type: icontian
                  value: x

            """);

        var e = f.SingleError();

        Assert.Equal("cases/a.yaml:4:13: unknown assertion type 'icontian' in case 'c1' (did you mean 'icontains'?)", e.ToString());
    }

    [Fact]
    public void Load_AssertionMissingRequiredKey_NamesKey()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + """
              assertions:
                - type: contains-any
                  value: x
                - type: length

            """);

        var errors = f.Errors();

        Assert.Equal(
            [
                "cases/a.yaml:5:7: unknown key 'value' in assertion 'contains-any' of case 'c1' (did you mean 'values'?)",
                "cases/a.yaml:4:7: assertion 'contains-any' of case 'c1' needs 'values'",
                "cases/a.yaml:6:7: assertion 'length' of case 'c1' needs 'min' or 'max'",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_UndefinedPromptVar_ReportsAtCase()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + "- id: c2\n  vars: { q: hi, extra: fine }\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.yaml", 3, 3), e.Location);
        Assert.Equal("case 'c2' does not define {{question}} used by prompt 'answer'", e.Message);
    }

    [Fact]
    public void Load_BadJsonlLine_ReportsLineAndColumn()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/more.jsonl\n").Write("cases/a.yaml", OneCase)
            .Write("cases/more.jsonl", "{\"id\": \"j1\", \"vars\": {\"question\": \"a\"}}\n\n{\"id\": \"j2\", \"vars\": {\"question\": \"b\"},}\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/more.jsonl", 3, 40), e.Location);
        Assert.StartsWith("invalid JSON", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonlUnknownKey_ReportsColumnOfKey()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/more.jsonl\n").Write("cases/a.yaml", OneCase)
            .Write("cases/more.jsonl", "{\"id\": \"j1\", \"vars\": {\"question\": \"a\"}, \"tag\": [\"x\"]}\n");

        var e = f.SingleError();

        Assert.Equal("cases/more.jsonl:1:41: unknown key 'tag' in case 'j1' (did you mean 'tags'?)", e.ToString());
    }

    [Fact]
    public void Load_CsvRowWithWrongColumnCount_ReportsRow()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/table.csv\n").Write("cases/a.yaml", OneCase)
            .Write("cases/table.csv", "id,question,assert:icontains\nt1,\"a, b\",x\nt2,\"a, b\",x,extra\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/table.csv", 3, 1), e.Location);
        Assert.Equal("row has 4 columns but the header has 3", e.Message);
    }

    [Fact]
    public void Load_CsvUnknownAssertColumn_ReportsHeaderCell()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/table.csv\n").Write("cases/a.yaml", OneCase)
            .Write("cases/table.csv", "id,question,assert:icontain\nt1,q,x\n");

        var e = f.SingleError();

        Assert.Equal("cases/table.csv:1:13: unknown assertion type 'icontain' in case 't1' (did you mean 'icontains'?)", e.ToString());
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllTogether()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("local:extractive", "foo:bar", StringComparison.Ordinal) + "gate:\n  min_pass_rate: high\n")
            .Write("cases/a.yaml", OneCase + "  asserts: []\n");

        var errors = f.Errors();

        Assert.Equal(
            [
                "shipgate.yaml:9:15: unknown provider scheme 'foo' in candidate 'baseline'",
                "cases/a.yaml:3:3: unknown key 'asserts' in case 'c1'",
                "shipgate.yaml:14:18: expected a number for 'gate.min_pass_rate', got 'high'",
            ],
            errors.Select(e => $"{e.Location}: {e.Message}"));
    }

    [Fact]
    public void Load_SimilarWithoutReference_ReportsAtAssertion()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase + "  assertions:\n    - type: similar\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.yaml", 4, 7), e.Location);
        Assert.Contains("no 'reference'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateCandidateIds_NamesFirst()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("suite:", "  - id: baseline\n    provider: local:extractive\nsuite:", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 10, 9), e.Location);
        Assert.Equal("duplicate candidate id 'baseline' (first at shipgate.yaml:8:5)", e.Message);
    }

    [Fact]
    public void Load_ApiKeyInsteadOfVariableName_Rejected()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("    provider: local:extractive\n", "    provider: local:extractive\n    api_key_env: sk-abc123def456ghi\n", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.DoesNotContain("abc123def456ghi", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("must be the name of an environment variable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InlineSuiteWithNoCases_ReportsEmptySuite()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("  files:\n    - cases/*.yaml\n", "  cases: []\n", StringComparison.Ordinal));

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 11, 3), e.Location);
        Assert.Equal("the suite has no cases", e.Message);
    }

    [Fact]
    public void Load_JsonSchemaFromFile_LoadsSchemaNode()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("s.json", """{"type":"array"}""")
            .Write("cases/a.yaml", OneCase + "  assertions:\n    - type: not-json-schema\n      value: s.json\n");

        var a = Assert.Single(f.Load().Cases[0].Assertions);

        Assert.True(a.Negate);
        Assert.Equal("array", a.Schema!["type"]!.GetValue<string>());
        Assert.Equal("s.json", a.Value);
        Assert.IsType<JsonObject>(a.Schema);
    }
    [Fact]
    public void Load_MissingReplayAndSchemaFiles_ReportsEach()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("local:extractive", "replay:runs/old.jsonl", StringComparison.Ordinal))
            .Write("cases/a.yaml", OneCase + "  assertions:\n    - type: json-schema\n      value: schemas/none.json\n");

        var errors = f.Errors();

        Assert.Equal(
            [
                "shipgate.yaml:9:15: replay file 'runs/old.jsonl' not found",
                "cases/a.yaml:5:14: schema file 'schemas/none.json' not found",
            ],
            errors.Select(e => $"{e.Location}: {e.Message}"));
    }

    [Fact]
    public void Load_ReplayAndExecProviders_Accepted()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("suite:", "  - id: rec\n    provider: replay:runs/old.jsonl\n  - id: cmd\n    provider: exec:python3 answer.py --fast\nsuite:", StringComparison.Ordinal))
            .Write("runs/old.jsonl", "{\"case_id\": \"a\", \"output\": \"recorded\"}\n")
            .Write("cases/a.yaml", OneCase);

        var spec = f.Load();

        Assert.Equal(("replay", "runs/old.jsonl"), (spec.Candidates[1].Scheme, spec.Candidates[1].Target));
        Assert.Equal(("exec", "python3 answer.py --fast"), (spec.Candidates[2].Scheme, spec.Candidates[2].Target));
    }

    [Fact]
    public void Load_PromptWithUserAndFile_ReportsConflict()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec.Replace("    user: \"Q: {{question}}\"\n", "    user: \"Q: {{question}}\"\n    file: p.txt\n", StringComparison.Ordinal))
            .Write("p.txt", "x")
            .Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal("shipgate.yaml:7:11: prompt 'answer' has both 'user' and 'file'", $"{e.Location}: {e.Message}");
    }

    [Fact]
    public void Load_CsvUnclosedQuote_ReportsCell()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/table.csv\n").Write("cases/a.yaml", OneCase)
            .Write("cases/table.csv", "id,question\nt1,ok\nt2,\"never closed\n");

        var e = f.SingleError();

        Assert.Equal(new SourceLocation("cases/table.csv", 3, 4), e.Location);
        Assert.Equal("unclosed quote in CSV", e.Message);
    }

    [Fact]
    public void Load_JsonlLineNotAnObject_ReportsLine()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec + "    - cases/more.jsonl\n").Write("cases/a.yaml", OneCase)
            .Write("cases/more.jsonl", "[1, 2]\n");

        var e = f.SingleError();

        Assert.Equal("cases/more.jsonl:1:1: expected a mapping for a case, got a list", $"{e.Location}: {e.Message}");
    }

    [Fact]
    public void Load_VarIsAList_ReportsVar()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", "- id: c1\n  vars:\n    question: [a, b]\n");

        var errors = f.Errors();

        Assert.Equal(new SourceLocation("cases/a.yaml", 3, 15), errors[0].Location);
        Assert.Equal("expected a string for var 'question' in case 'c1', got a list", errors[0].Message);
    }

    [Fact]
    public void Load_YamlAnchorsAndAliases_AreResolved()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", """
            - id: c1
              vars: &v { question: hi }
              assertions: &checks
                - type: icontains
                  value: hi
            - id: c2
              vars: *v
              assertions: *checks

            """);

        var spec = f.Load();

        Assert.Equal("hi", spec.Cases[1].Vars["question"]);
        Assert.Equal("hi", Assert.Single(spec.Cases[1].Assertions).Value);
    }

    [Fact]
    public void ContentHash_DecisionSections_DoNotChangeItButARunSectionDoes()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", MinimalSpec).Write("cases/a.yaml", OneCase);
        var plain = f.Load().ContentHash;

        f.Write("shipgate.yaml", MinimalSpec + "economics:\n  traffic: { users: 10, requests_per_user_per_day: 1 }\n  revenue_per_user_per_month: 5\nrollout:\n  gates: { max_error_rate: 0.1 }\n");
        var withDecisions = f.Load().ContentHash;
        f.Write("shipgate.yaml", MinimalSpec + "economics:\n  traffic: { users: 99, requests_per_user_per_day: 1 }\n  revenue_per_user_per_month: 5\nrollout:\n  gates: { max_error_rate: 0.1 }\n");
        var otherTraffic = f.Load().ContentHash;
        f.Write("shipgate.yaml", MinimalSpec + "economics:\n  traffic: { users: 99, requests_per_user_per_day: 1 }\n  revenue_per_user_per_month: 5\ngate:\n  min_pass_rate: 0.5\n");
        var withGate = f.Load().ContentHash;

        Assert.Equal(plain, withDecisions);
        Assert.Equal(withDecisions, otherTraffic);
        Assert.NotEqual(otherTraffic, withGate);
    }
}
