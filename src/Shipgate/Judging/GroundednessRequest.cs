using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>What a groundedness judge checks: the output's claims against the case's context and the feature's knowledge files.</summary>
internal sealed record GroundednessRequest
{
    public required EvalCase Case { get; init; }
    public required string Output { get; init; }

    /// <summary>Absolute paths of the feature's knowledge files.</summary>
    public IReadOnlyList<string> KnowledgeFiles { get; init; } = [];

    /// <summary>Local embeddings for the offline judge.</summary>
    public Func<IEmbeddingGenerator<string, Embedding<float>>>? Embeddings { get; init; }
}
