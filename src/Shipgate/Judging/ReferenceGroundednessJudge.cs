using System.Globalization;
using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// <c>local:reference</c> for groundedness: approximate, embedding-based. Each sentence of the output is matched (MiniLM
/// cosine) against the documents' passages and sentences; below <see cref="SupportThreshold"/> it is not found. A match is
/// then checked by <see cref="FactCheck"/>: a figure or negation that differs from the matched evidence contradicts the
/// claim, a figure or absolute word the evidence lacks leaves it not verified; only a clean match is supported.
/// </summary>
internal sealed class ReferenceGroundednessJudge(string id) : IGroundednessJudge
{
    /// <summary>Cosine similarity at or above which a sentence matches its evidence (MiniLM; docs/judging.md).</summary>
    public const double SupportThreshold = 0.6;

    /// <summary>How many of the closest passages a matched claim's figures are looked up in.</summary>
    public const int CheckedPassages = 3;

    /// <summary>Label carried by the verdict and shown by every report.</summary>
    public const string Label = "approximate, embedding-based";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Key, IReadOnlyList<Evidence> Entries)? _knowledge;

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
            // Nothing checkable: no verdict on any claim, which the assertion reports as "not counted", never as clean.
            return new GroundednessResult(verdict, []);
        }

        try
        {
            var generator = request.Embeddings();
            var knowledge = await KnowledgeAsync(request.KnowledgeFiles, generator, cancellationToken).ConfigureAwait(false);
            var context = request.Documents.SelectMany(d => ClaimSplitter.SplitAll(d).Select(s => (Sentence: s, Document: d))).ToList();
            var vectors = await generator.GenerateAsync([.. claims, .. context.Select(c => c.Sentence)], cancellationToken: cancellationToken).ConfigureAwait(false);
            var documents = knowledge.Concat(context.Select((c, i) => new Evidence(c.Sentence, vectors[claims.Count + i].Vector.ToArray(), c.Document, IsSentence: true))).ToList();
            if (documents.Count == 0)
            {
                return new GroundednessResult(verdict with { Inconclusive = true }, [], "grounded: nothing to check against: add 'context:' to the case, 'knowledge:' files to the spec, or a var to the assertion's 'sources:'");
            }

            var result = new List<GroundedClaim>();
            for (var i = 0; i < claims.Count; i++)
            {
                var vector = vectors[i].Vector;
                var scored = documents.Select(d => (Doc: d, Score: (double)VectorMath.Cosine(vector.Span, d.Vector))).ToList();
                var best = scored.MaxBy(d => d.Score);
                var similarity = best.Score.ToString("0.00", CultureInfo.InvariantCulture);
                if (best.Score < SupportThreshold)
                {
                    result.Add(new GroundedClaim(claims[i], ClaimVerdict.NotFound, $"best similarity {similarity} < {SupportThreshold.ToString("0.00", CultureInfo.InvariantCulture)} (\"{GroundedAssertion.Shorten(best.Doc.Text, 60)}\")"));
                    continue;
                }

                // Figures are looked up in the closest passages (the closest by wording is not always the one stating the
                // figure); polarity is compared with each passage's closest sentence. One clean passage supports the claim.
                var checks = scored.OrderByDescending(d => d.Score).Select(d => d.Doc.Passage).Distinct().Take(CheckedPassages)
                    .Select(passage => (Passage: passage, Problem: FactCheck.Check(claims[i], scored.Where(d => d.Doc.Passage == passage).MaxBy(d => (d.Doc.IsSentence, d.Score)).Doc.Text, passage)))
                    .ToList();
                var problem = checks.Any(c => c.Problem is null) ? null
                    : checks.Select(c => c.Problem!).FirstOrDefault(p => p.Verdict == ClaimVerdict.Contradicted) ?? checks[0].Problem;
                var clean = checks.FirstOrDefault(c => c.Problem is null).Passage ?? best.Doc.Text;
                result.Add(problem is not null
                    ? problem with { Evidence = $"similarity {similarity}, but {problem.Evidence}" }
                    : new GroundedClaim(claims[i], ClaimVerdict.Supported, $"similarity {similarity}; figures agree with \"{GroundedAssertion.Shorten(clean, 80)}\""));
            }

            return new GroundednessResult(verdict, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new GroundednessResult(verdict with { Inconclusive = true }, [], $"{JudgeSpec.LocalReference}: embedding failed: {ex.Message}");
        }
    }

    /// <summary>Knowledge passages and their sentences with vectors, embedded once per set of files (one judge serves one feature).</summary>
    private async Task<IReadOnlyList<Evidence>> KnowledgeAsync(IReadOnlyList<string> files, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
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
            IReadOnlyList<Evidence> entries = [];
            if (passages.Count > 0)
            {
                // Whole passages and their single sentences: a one-sentence claim matches a sentence better than a paragraph.
                var texts = passages
                    .SelectMany(p => ClaimSplitter.SplitAll(p.Text) is { Count: > 1 } sentences
                        ? [(Text: p.EmbeddingText, Passage: p.Text, IsSentence: false), .. sentences.Select(s => (Text: s, Passage: p.Text, IsSentence: true))]
                        : new[] { (Text: p.EmbeddingText, Passage: p.Text, IsSentence: true) })
                    .DistinctBy(t => t.Text)
                    .ToList();
                var vectors = await generator.GenerateAsync(texts.Select(t => t.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
                entries = [.. texts.Select((t, i) => new Evidence(t.Text, vectors[i].Vector.ToArray(), t.Passage, t.IsSentence))];
            }

            _knowledge = (key, entries);
            return entries;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A text a claim can match, its vector, the passage it belongs to, and whether it is a single sentence.</summary>
    private sealed record Evidence(string Text, float[] Vector, string Passage, bool IsSentence);
}
