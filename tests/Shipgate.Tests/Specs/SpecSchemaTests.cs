using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed partial class SpecSchemaTests
{
    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    private static List<string> YamlBlocks() =>
        [.. YamlBlock().Matches(File.ReadAllText(RepoFile("docs/spec.md"))).Select(m => m.Groups["body"].Value)];

    private static EvaluationResults Validate(string yaml)
    {
        var errors = new List<SpecError>();
        var node = YamlTreeReader.Read(yaml, "doc.yaml", errors, out var failed);
        Assert.False(failed, string.Join("\n", errors));
        var json = CaseReader.ToJson(node!)!.ToJsonString();
        var schema = JsonSchema.FromText(SpecSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var doc = JsonDocument.Parse(json);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults r) =>
        string.Join("\n", (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Json_EmbeddedSchema_EqualsDocsFile()
    {
        Assert.Equal(File.ReadAllText(RepoFile("docs/shipgate.schema.json")), SpecSchema.Json);
    }

    [Fact]
    public void Schema_DocsExampleSpec_IsValid()
    {
        var result = Validate(YamlBlocks()[0]);

        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("gates:\n  min_pass_rate: 0.9\n")]
    [InlineData("run:\n  concurrency: 0\n")]
    [InlineData("defaults:\n  assertions:\n    - type: contains-any\n      value: x\n")]
    [InlineData("defaults:\n  assertions:\n    - type: icontian\n      value: x\n")]
    [InlineData("judges:\n  - provider: openai:gpt-4o\n")]
    public void Schema_BrokenSpec_IsInvalid(string extra)
    {
        var result = Validate(YamlBlocks()[0] + extra);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Load_DocsExamples_LoadWithoutErrors()
    {
        using var f = new TempFeature();
        var blocks = YamlBlocks();
        f.Write("shipgate.yaml", blocks[0])
            .Write("knowledge/notes.md", "Refunds within 30 days.")
            .Write("prompts/answer.txt", "Customer question: {{question}}")
            .Write("cases/refunds.yaml", blocks[1]);

        var spec = f.Load();

        Assert.Equal("support-assistant", spec.Name);
        Assert.Equal(["refund-window", "hello"], spec.Cases.Select(c => c.Id));
        Assert.Equal(["baseline", "gpt-4o-mini"], spec.Candidates.Select(c => c.Id));
    }

    [GeneratedRegex("```yaml\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
