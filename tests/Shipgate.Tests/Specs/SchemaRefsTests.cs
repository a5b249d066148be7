using System.Text.Json.Nodes;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SchemaRefsTests
{
    private static List<string> Unresolved(string json) => SchemaRefs.Unresolved(JsonNode.Parse(json));

    [Theory]
    [InlineData("""{"$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}""")]
    [InlineData("""{"items": [{"type": "string"}], "properties": {"x": {"$ref": "#/items/0"}}}""")]
    [InlineData("""{"$defs": {"a b": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a%20b"}}}""")]
    [InlineData("""{"$defs": {"a": {"$anchor": "money"}}, "properties": {"x": {"$ref": "#money"}}}""")]
    [InlineData("""{"$id": "https://x.test/root.json", "$defs": {"i": {"$id": "item.json", "type": "string"}}, "items": {"$ref": "item.json"}}""")]
    [InlineData("""{"$ref": "https://json-schema.org/draft/2020-12/schema"}""")]
    [InlineData("""{"properties": {"x": {"const": {"$ref": "#/nowhere"}}}}""")]
    [InlineData("""{"properties": {"x": {"$ref": "#"}}}""")]
    public void Unresolved_ResolvableOrDataOnly_IsEmpty(string json)
    {
        Assert.Empty(Unresolved(json));
    }

    [Theory]
    [InlineData("""{"properties": {"x": {"$ref": "#/$defs/missing"}}}""", "$ref '#/$defs/missing' cannot be resolved: nothing at '/$defs/missing'")]
    [InlineData("""{"properties": {"x": {"$ref": "#nope"}}}""", "no '$anchor: nope'")]
    [InlineData("""{"properties": {"x": {"$ref": "other.json#/a"}}}""", "'other.json' is not a schema declared inside this one")]
    [InlineData("""{"properties": {"x": {"$dynamicRef": "#/x/y"}}}""", "$dynamicRef '#/x/y'")]
    public void Unresolved_Dangling_NamesTheReference(string json, string message)
    {
        var problem = Assert.Single(Unresolved(json));

        Assert.Contains(message, problem, StringComparison.Ordinal);
    }
}
