using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>What an assertion sees: the case, the output and the call's measurements.</summary>
public sealed record AssertionContext
{
    public required EvalCase Case { get; init; }
    public required string Output { get; init; }

    /// <summary>The rendered user prompt the candidate answered (judges show it as the input).</summary>
    public string? Input { get; init; }
    public double LatencyMs { get; init; }

    /// <summary>USD; null when the candidate has no declared price.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The feature being run; model-graded assertions read its rubric and judges from it.</summary>
    public FeatureSpec? Feature { get; init; }

    /// <summary>Local embeddings; created lazily so suites without similarity assertions never load the model.</summary>
    public Func<IEmbeddingGenerator<string, Embedding<float>>>? Embeddings { get; init; }

    /// <summary>Where model judges' verdicts are cached; null with <c>--no-cache</c> (every judge call is made).</summary>
    internal Judging.JudgeVerdictCache? JudgeCache { get; init; }
}
