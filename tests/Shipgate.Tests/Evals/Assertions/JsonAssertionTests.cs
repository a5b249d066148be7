using System.Text.Json.Nodes;
using Shipgate.Specs;
using static Shipgate.Tests.Evals.Assertions.AssertionTestKit;

namespace Shipgate.Tests.Evals.Assertions;

public sealed class JsonAssertionTests
{
    private static readonly JsonNode ProductSchema = JsonNode.Parse("""
        {
          "type": "object",
          "required": ["name", "price"],
          "properties": {
            "name": { "type": "string" },
            "price": { "type": "number" },
            "tags": { "type": "array", "items": { "type": "string" } }
          }
        }
        """)!;

    [Fact]
    public async Task IsJson_BareObject_PassesSayingBare()
    {
        var outcome = await EvalAsync(Spec("is-json"), " {\"a\": 1}\n");
        Assert.True(outcome.Pass);
        Assert.Contains("bare output", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsJson_FencedBlockInProse_PassesSayingFenced()
    {
        var output = "Here you go:\n\n```json\n{\"a\": [1, 2]}\n```\nAnything else?";
        var outcome = await EvalAsync(Spec("is-json"), output);
        Assert.True(outcome.Pass);
        Assert.Contains("fenced ```json block at line 3", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsJson_Garbage_FailsWithParserPosition()
    {
        var outcome = await EvalAsync(Spec("is-json"), "x = 1");
        Assert.False(outcome.Pass);
        Assert.Equal(0, outcome.Score);
        Assert.StartsWith("not valid JSON: 'x' is an invalid start of a value", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("at line 1", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", (await EvalAsync(Spec("is-json"), "{\"a\":1,}")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsJson_TwoFencedBlocks_FailsSayingWhy()
    {
        var output = "```json\n{\"a\":1}\n```\nor\n```json\n{\"a\":2}\n```";
        var outcome = await EvalAsync(Spec("is-json"), output);
        Assert.False(outcome.Pass);
        Assert.Contains("2 fenced code blocks", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsJson_BrokenFencedBlock_FailsPointingAtTheBlock()
    {
        var outcome = await EvalAsync(Spec("is-json"), "Result:\n```json\n{\"a\": }\n```");
        Assert.False(outcome.Pass);
        Assert.Contains("in the fenced block at line 2", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotIsJson_Prose_Passes()
    {
        var outcome = await EvalAsync(Spec("not-is-json"), "Just words.");
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score);
        Assert.Equal("not-is-json", outcome.Type);
    }

    [Fact]
    public async Task NotIsJson_Json_Fails()
    {
        Assert.False((await EvalAsync(Spec("not-is-json"), "[1,2]")).Pass);
    }

    [Fact]
    public async Task JsonSchema_Valid_Passes()
    {
        var outcome = await EvalAsync(Spec("json-schema", schema: ProductSchema), "{\"name\": \"pen\", \"price\": 1.5}");
        Assert.True(outcome.Pass, outcome.Reason);
        Assert.Equal(1, outcome.Score);
    }

    [Fact]
    public async Task JsonSchema_WrongType_FailsWithPathExpectedAndActual()
    {
        var outcome = await EvalAsync(Spec("json-schema", schema: ProductSchema), "```json\n{\"name\": \"pen\", \"price\": \"cheap\"}\n```");
        Assert.False(outcome.Pass);
        Assert.True(outcome.Reason.Contains("json-schema: $.price: expected number, got string", StringComparison.Ordinal), outcome.Reason);
        Assert.Contains("fenced", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSchema_NestedAndMissing_ReportsEachLocation()
    {
        var outcome = await EvalAsync(Spec("json-schema", schema: ProductSchema), "{\"tags\": [\"a\", 7]}");
        Assert.False(outcome.Pass);
        Assert.Contains("$.tags[1]", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("price", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSchema_NotJson_Fails()
    {
        var outcome = await EvalAsync(Spec("json-schema", schema: ProductSchema), "a pen for $1.50");
        Assert.False(outcome.Pass);
        Assert.StartsWith("json-schema: not valid JSON", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotJsonSchema_Invalid_Passes()
    {
        var outcome = await EvalAsync(Spec("not-json-schema", schema: ProductSchema), "{\"name\": 1}");
        Assert.True(outcome.Pass);
    }

    [Fact]
    public async Task JsonSchema_SchemaFileRelativeToDeclaringFile_IsUsed()
    {
        var dir = Directory.CreateTempSubdirectory("shipgate-schema-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "cases"));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "cases", "product.schema.json"), ProductSchema.ToJsonString());
            var spec = Spec("json-schema", value: "product.schema.json") with
            {
                Location = new SourceLocation(Path.Combine(dir.FullName, "cases", "cases.yaml"), 4, 5),
            };

            Assert.True((await EvalAsync(spec, "{\"name\": \"pen\", \"price\": 2}")).Pass);
            Assert.False((await EvalAsync(spec, "{\"name\": \"pen\"}")).Pass);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void JsonSchema_MissingSchemaFile_IsSpecError()
    {
        var ex = Assert.Throws<SpecException>(() => new Shipgate.Evals.Assertions.AssertionFactory().Create(Spec("json-schema", value: "nope.schema.json")));
        Assert.Contains("cannot read schema file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cases/test.yaml:3:7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSchema_SameIdTwice_DoesNotClash()
    {
        var schema = JsonNode.Parse("""{"$id": "https://example.test/s.json", "type": "integer"}""")!;
        Assert.True((await EvalAsync(Spec("json-schema", schema: schema), "3")).Pass);
        Assert.False((await EvalAsync(Spec("json-schema", schema: schema.DeepClone()), "\"3\"")).Pass);
    }
}
