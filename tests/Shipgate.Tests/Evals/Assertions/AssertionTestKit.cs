using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Shipgate.Evals.Assertions;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals.Assertions;

/// <summary>Builds specs the way the loader would and evaluates them through the real factory.</summary>
internal static class AssertionTestKit
{
    public static AssertionSpec Spec(string type, string? value = null, IReadOnlyList<string>? values = null, double? min = null, double? max = null,
        double? threshold = null, JsonNode? schema = null, double weight = 1)
    {
        var negate = type.StartsWith("not-", StringComparison.Ordinal);
        return new AssertionSpec
        {
            Type = negate ? type[4..] : type,
            Negate = negate,
            Value = value,
            Values = values ?? [],
            Min = min,
            Max = max,
            Threshold = threshold,
            Schema = schema,
            Weight = weight,
            Location = new SourceLocation("cases/test.yaml", 3, 7),
        };
    }

    public static async Task<AssertionOutcome> EvalAsync(AssertionSpec spec, string output, double latencyMs = 100, decimal? cost = 0.001m, string? reference = null,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, AssertionFactory? factory = null)
    {
        var assertion = (factory ?? new AssertionFactory()).Create(spec);
        var generator = embeddings ?? new HashingEmbeddingGenerator();
        var context = new AssertionContext
        {
            Case = new EvalCase { Id = "case-1", Reference = reference },
            Output = output,
            LatencyMs = latencyMs,
            CostUsd = cost,
            Embeddings = () => generator,
        };
        return await assertion.EvaluateAsync(context, CancellationToken.None);
    }
}
