using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>What a judge sees: the criteria to score, the case (reference, context, its checks), its input and the output.</summary>
internal sealed record RubricJudgeRequest
{
    public required IReadOnlyList<RubricCriterion> Criteria { get; init; }
    public required EvalCase Case { get; init; }
    public string? Input { get; init; }
    public required string Output { get; init; }

    /// <summary>Local embeddings for the reference-based judge.</summary>
    public Func<IEmbeddingGenerator<string, Embedding<float>>>? Embeddings { get; init; }
}
