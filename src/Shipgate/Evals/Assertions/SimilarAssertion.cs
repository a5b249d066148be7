using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>similar</c>: cosine similarity of local embeddings of the output and the reference (<c>value</c>, else the case's
/// <c>reference</c>) reaches <c>threshold</c> (default 0.75). Score: the similarity clamped to 0-1.
/// </summary>
internal sealed class SimilarAssertion : AssertionBase
{
    public const double DefaultThreshold = 0.75;

    public SimilarAssertion(AssertionSpec spec) : base(spec)
    {
    }

    protected override async ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var (reference, label) = Spec.Value is { } value ? (value, "value") : (context.Case.Reference, "reference");
        if (string.IsNullOrWhiteSpace(reference))
        {
            return AssertionCheck.Failed("no reference answer for similar: add `reference:` to the case or `value:` to the assertion");
        }

        if (context.Embeddings is null)
        {
            return AssertionCheck.Failed("similar: no embedding generator configured for this run (the runner must supply local embeddings)");
        }

        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            var generator = context.Embeddings();
            embeddings = await generator.GenerateAsync([context.Output, reference], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One broken embedding call fails this assertion, not the run.
            return AssertionCheck.Failed($"similar: embedding failed: {ex.Message}");
        }

        if (embeddings.Count != 2)
        {
            return AssertionCheck.Failed($"similar: embedding generator returned {embeddings.Count} vectors for 2 inputs");
        }

        var similarity = Math.Clamp((double)VectorMath.Cosine(embeddings[0].Vector.Span, embeddings[1].Vector.Span), 0, 1);
        var threshold = Spec.Threshold ?? DefaultThreshold;
        var s = AssertionText.Number(similarity, "0.00");
        var t = AssertionText.Number(threshold, "0.00");
        return Statistics.Thresholds.AtLeast(similarity, threshold)
            ? new AssertionCheck(true, similarity, $"similarity {s} ≥ threshold {t} to {label}",
                $"similarity {s} ≥ threshold {t} to {label}, but {Spec.DisplayType} requires below")
            : new AssertionCheck(false, similarity, $"similarity {s} < threshold {t} to {label}",
                $"similarity {s} < threshold {t} to {label}, as {Spec.DisplayType} requires");
    }
}
