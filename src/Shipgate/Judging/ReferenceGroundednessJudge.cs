using System.Globalization;
using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// <c>local:reference</c> for groundedness: approximate, embedding-based. Each sentence of the output is supported when its
/// best MiniLM cosine similarity to a knowledge passage or a context sentence reaches <see cref="SupportThreshold"/>, else
/// not found. It cannot tell a contradiction from a paraphrase, so it never says "contradicted"; every report labels it.
/// </summary>
internal sealed class ReferenceGroundednessJudge(string id) : IGroundednessJudge
{
    /// <summary>Cosine similarity at or above which a sentence counts as supported (MiniLM; docs/judging.md).</summary>
    public const double SupportThreshold = 0.6;

    /// <summary>Label carried by the verdict and shown by every report.</summary>
    public const string Label = "approximate, embedding-based";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Key, IReadOnlyList<(string Text, float[] Vector)> Entries)? _knowledge;

    public async Task<GroundednessResult> JudgeAsync(GroundednessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verdict = new JudgeVerdict { JudgeId = id, ReferenceBased = true, CostUsd = 0m };
        if (request.Embeddings is null)
        {
            return new GroundednessResult(verdict with { Inconclusive = true }, [], $"{JudgeSpec.LocalReference}: no embedding generator configured for this run");
        }

        var claims = ClaimSplitter.Split(request.Output);
        if (claims.Count == 0)
        {
            return new GroundednessResult(verdict with { Mean = 5 }, []);
        }

        try
        {
            var generator = request.Embeddings();
            var knowledge = await KnowledgeAsync(request.KnowledgeFiles, generator, cancellationToken).ConfigureAwait(false);
            var context = request.Case.Context.SelectMany(ClaimSplitter.SplitAll).ToList();
            var vectors = await generator.GenerateAsync([.. claims, .. context], cancellationToken: cancellationToken).ConfigureAwait(false);
            var documents = knowledge.Concat(context.Select((c, i) => (Text: c, Vector: vectors[claims.Count + i].Vector.ToArray()))).ToList();
            if (documents.Count == 0)
            {
                return new GroundednessResult(verdict with { Inconclusive = true }, [], "grounded: nothing to check against: add 'context:' to the case or 'knowledge:' files to the spec");
            }

            var result = new List<GroundedClaim>();
            for (var i = 0; i < claims.Count; i++)
            {
                var vector = vectors[i].Vector;
                var best = documents.Select(d => (d.Text, Score: (double)VectorMath.Cosine(vector.Span, d.Vector))).MaxBy(d => d.Score);
                var similarity = best.Score.ToString("0.00", CultureInfo.InvariantCulture);
                result.Add(best.Score >= SupportThreshold
                    ? new GroundedClaim(claims[i], ClaimVerdict.Supported, $"similarity {similarity} to \"{GroundedAssertion.Shorten(best.Text, 80)}\"")
                    : new GroundedClaim(claims[i], ClaimVerdict.NotFound, $"best similarity {similarity} < {SupportThreshold.ToString("0.00", CultureInfo.InvariantCulture)} (\"{GroundedAssertion.Shorten(best.Text, 60)}\")"));
            }

            return new GroundednessResult(verdict, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new GroundednessResult(verdict with { Inconclusive = true }, [], $"{JudgeSpec.LocalReference}: embedding failed: {ex.Message}");
        }
    }

    /// <summary>Knowledge passages with vectors, embedded once per set of files (one judge serves one feature).</summary>
    private async Task<IReadOnlyList<(string Text, float[] Vector)>> KnowledgeAsync(IReadOnlyList<string> files, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        var key = string.Join("\n", files);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_knowledge is { } cached && cached.Key == key)
            {
                return cached.Entries;
            }

            var passages = await GroundednessDocuments.PassagesAsync(files, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<(string, float[])> entries = [];
            if (passages.Count > 0)
            {
                // Whole passages and their single sentences: a one-sentence claim matches a sentence better than a paragraph.
                var texts = passages.SelectMany(p => ClaimSplitter.SplitAll(p.Text) is { Count: > 1 } sentences ? [p.EmbeddingText, .. sentences] : new[] { p.EmbeddingText }).Distinct().ToList();
                var vectors = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
                entries = [.. texts.Select((t, i) => (t, vectors[i].Vector.ToArray()))];
            }

            _knowledge = (key, entries);
            return entries;
        }
        finally
        {
            _lock.Release();
        }
    }
}
