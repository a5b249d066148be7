using System.Text.Json.Nodes;
using static Shipgate.Tests.Evals.Assertions.AssertionTestKit;

namespace Shipgate.Tests.Evals.Assertions;

public sealed class JsonSchemaAssertionTests
{
    private static readonly JsonNode DanglingRef = JsonNode.Parse("""{"type": "object", "properties": {"total": {"$ref": "#/$defs/money"}}}""")!;

    [Theory]
    [InlineData("json-schema")]
    [InlineData("not-json-schema")]
    public async Task Evaluate_RefUnresolvableAtEvalTime_FailsThisAssertionInsteadOfThrowing(string type)
    {
        var outcome = await EvalAsync(Spec(type, schema: DanglingRef), "{\"total\": 12.5}");

        Assert.False(outcome.Pass);
        Assert.StartsWith("json-schema: the schema cannot be evaluated", outcome.Reason, StringComparison.Ordinal);
    }
}
