using System.Text.Json.Nodes;
using Shipgate.Evals.Assertions;
using static Shipgate.Tests.Evals.Assertions.AssertionTestKit;

namespace Shipgate.Tests.Evals.Assertions;

public sealed class AssertionFactoryTests
{
    public static TheoryData<string> AllTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AssertionFactory.Types)
        {
            data.Add(type);
            data.Add("not-" + type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task Create_EveryTypeAndNegation_EvaluatesWithDisplayTypeAndScoreInRange(string type)
    {
        var spec = Spec(type, value: "x", values: ["x", "y"], max: 1000, schema: JsonNode.Parse("""{"type":"object"}"""), weight: 2);
        var outcome = await EvalAsync(spec, "x marks the spot", reference: "x marks the spot");
        Assert.Equal(type, outcome.Type);
        Assert.InRange(outcome.Score, 0, 1);
        Assert.Equal(2, outcome.Weight);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
    }

    [Fact]
    public async Task Negation_InvertsPassAndScore_ForGradedType()
    {
        var plain = await EvalAsync(Spec("icontains-all", values: ["x", "spot", "treasure", "map"]), "x marks the spot");
        var negated = await EvalAsync(Spec("not-icontains-all", values: ["x", "spot", "treasure", "map"]), "x marks the spot");
        Assert.Equal(!plain.Pass, negated.Pass);
        Assert.Equal(1 - plain.Score, negated.Score, 9);
    }

    [Fact]
    public async Task Similar_EmbeddingGeneratorThrows_FailsWithReasonInsteadOfCrashing()
    {
        var outcome = await EvalAsync(Spec("similar"), "anything", reference: "something", embeddings: new ThrowingEmbeddingGenerator());
        Assert.False(outcome.Pass);
        Assert.Equal("similar: embedding failed: model file missing", outcome.Reason);
    }
}
