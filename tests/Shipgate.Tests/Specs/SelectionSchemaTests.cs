using System.Text.Json;
using Json.Schema;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

/// <summary>The schema's selection and candidate additions agree with the reader, on the offline example itself.</summary>
public sealed class SelectionSchemaTests
{
    private static string ExampleSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "support-assistant", "shipgate.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("examples/support-assistant/shipgate.yaml");
    }

    private static EvaluationResults Validate(string yaml)
    {
        var errors = new List<SpecError>();
        var node = YamlTreeReader.Read(yaml, "doc.yaml", errors, out var failed);
        Assert.False(failed, string.Join("\n", errors));
        var schema = JsonSchema.FromText(SpecSchema.Json, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var doc = JsonDocument.Parse(CaseReader.ToJson(node!)!.ToJsonString());
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Fact]
    public void Schema_ExampleWithSelection_IsValid()
    {
        var result = Validate(File.ReadAllText(ExampleSpec()));

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("latency: { weight: 6, p95_ms: 100 }")]
    [InlineData("latency: { weight: 0, p95_ms: 100 }")]
    [InlineData("latency: { weight: 3 }")]
    [InlineData("quality: { weight: 3, metric: rubric_maen }")]
    [InlineData("speed: { weight: 3 }")]
    public void Schema_BadRequirement_IsInvalid(string requirement)
    {
        var yaml = File.ReadAllText(ExampleSpec());
        var start = yaml.IndexOf("selection:", StringComparison.Ordinal);

        var result = Validate(yaml[..start] + "selection:\n  requirements:\n    " + requirement + "\n");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Load_Example_HasThreeLocalVariantsAndOptionalEndpoints()
    {
        var spec = new SpecLoader().Load(Path.GetDirectoryName(ExampleSpec())!);

        var local = spec.Candidates.Where(c => c.Scheme == "local").ToList();
        Assert.Equal(3, local.Count);
        Assert.Equal(3, local.Select(c => c.Tier).Distinct().Count());
        Assert.All(spec.Candidates.Where(c => c.Scheme != "local"), c => Assert.True(c.Optional, c.Id));
        Assert.NotNull(spec.Selection);
        Assert.True(spec.Selection!.Get(RequirementKind.Quality)!.Hard);
    }
}
