using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>What a groundedness judge checks: the output's claims against the case's documents and the feature's knowledge files.</summary>
internal sealed record GroundednessRequest
{
    public required EvalCase Case { get; init; }
    public required string Output { get; init; }

    /// <summary>Documents from the case, each checked in full: its <c>context</c> and/or the vars named by the assertion's <c>sources:</c>.</summary>
    public required IReadOnlyList<string> Documents { get; init; }

    /// <summary>Absolute paths of the feature's knowledge files (empty when the assertion's <c>sources:</c> leave knowledge out).</summary>
    public IReadOnlyList<string> KnowledgeFiles { get; init; } = [];

    /// <summary>Where a model judge keeps and finds conclusive results; null when caching is off (<c>--no-cache</c>).</summary>
    public JudgeVerdictCache? Cache { get; init; }

    /// <summary>Local embeddings for the offline judge.</summary>
    public Func<IEmbeddingGenerator<string, Embedding<float>>>? Embeddings { get; init; }
}
