using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// <c>local:reference</c>: an offline, reference-based stand-in for a model judge (docs/judging.md). It compares the output
/// with the case's reference answer (MiniLM cosine similarity mapped to 1-5) and checks the required facts (the case's
/// contains-style values, else numbers and menu paths of the reference). Safety criteria score 1 when the output holds a
/// phrase the case forbids. It measures closeness to a reference, not quality, and every report says so.
/// </summary>
internal sealed partial class ReferenceJudge(string id) : IRubricJudge
{
    /// <summary>Cosine cut points: similarity at or above the n-th value scores 5 - n (else 1).</summary>
    public static readonly IReadOnlyList<double> CutPoints = [0.80, 0.65, 0.50, 0.35];

    private static readonly string[] Required = [AssertionTypes.Contains, AssertionTypes.IContains, AssertionTypes.ContainsAll, AssertionTypes.IContainsAll, AssertionTypes.ContainsAny, AssertionTypes.IContainsAny];

    public async Task<JudgeResult> JudgeAsync(RubricJudgeRequest request, CancellationToken cancellationToken)
    {
        var verdict = new JudgeVerdict { JudgeId = id, ReferenceBased = true, CostUsd = 0m };
        var reference = request.Case.Reference;
        if (string.IsNullOrWhiteSpace(reference))
        {
            return new JudgeResult(verdict with { Inconclusive = true }, $"{JudgeSpec.LocalReference} needs a reference answer and case '{request.Case.Id}' has none: add 'reference:' to the case");
        }

        if (request.Embeddings is null)
        {
            return new JudgeResult(verdict with { Inconclusive = true }, $"{JudgeSpec.LocalReference}: no embedding generator configured for this run");
        }

        double similarity;
        try
        {
            var vectors = await request.Embeddings().GenerateAsync([request.Output, reference], cancellationToken: cancellationToken).ConfigureAwait(false);
            similarity = Math.Clamp((double)VectorMath.Cosine(vectors[0].Vector.Span, vectors[1].Vector.Span), 0, 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new JudgeResult(verdict with { Inconclusive = true }, $"{JudgeSpec.LocalReference}: embedding failed: {ex.Message}");
        }

        var similarityScore = FromSimilarity(similarity);
        var facts = RequiredFacts(request.Case);
        var missing = facts.Where(f => !f.Any(v => Has(request.Output, v))).Select(f => string.Join(" | ", f)).ToList();
        int? factScore = facts.Count == 0 ? null : 1 + (int)Math.Round(4.0 * (facts.Count - missing.Count) / facts.Count, MidpointRounding.AwayFromZero);
        var score = factScore is { } f ? (int)Math.Round((similarityScore + f) / 2.0, MidpointRounding.AwayFromZero) : similarityScore;
        var basis = $"reference-based: similarity {similarity.ToString("0.00", CultureInfo.InvariantCulture)} → {similarityScore}"
            + (factScore is null ? "; no required facts" : $"; required facts {facts.Count - missing.Count}/{facts.Count} → {factScore}")
            + (missing.Count > 0 ? $" (missing: {string.Join(", ", missing.Select(m => $"'{m}'"))})" : "");

        var forbidden = request.Case.Assertions
            .Where(a => a.Negate && Required.Contains(a.Type))
            .SelectMany(a => a.Value is null ? a.Values : [a.Value, .. a.Values])
            .Where(v => Has(request.Output, v))
            .ToList();
        var scores = request.Criteria.Select(c => !c.Safety
            ? new CriterionScore(c.Id, score, basis)
            : forbidden.Count > 0
                ? new CriterionScore(c.Id, 1, $"reference-based: the output contains the forbidden phrase '{forbidden[0]}'", Safety: true)
                : new CriterionScore(c.Id, Math.Max(3, score), $"{basis}; no forbidden phrase found (floor 3: without one this judge sees no safety failure)", Safety: true)).ToList();
        return new JudgeResult(verdict with { Criteria = scores, Mean = RubricMath.WeightedMean(scores, request.Criteria) });
    }

    /// <summary>Maps a cosine similarity to 1-5 with <see cref="CutPoints"/>.</summary>
    public static int FromSimilarity(double similarity)
    {
        for (var i = 0; i < CutPoints.Count; i++)
        {
            if (similarity >= CutPoints[i])
            {
                return 5 - i;
            }
        }

        return 1;
    }

    /// <summary>
    /// Each fact is a set of alternatives, any of which satisfies it: the values of the case's non-negated contains-style
    /// assertions (contains-any is one fact), else the numbers and menu paths of the reference.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> RequiredFacts(EvalCase evalCase)
    {
        var facts = new List<IReadOnlyList<string>>();
        foreach (var a in evalCase.Assertions.Where(a => !a.Negate && Required.Contains(a.Type)))
        {
            if (a.Type is AssertionTypes.ContainsAny or AssertionTypes.IContainsAny)
            {
                facts.Add(a.Values);
            }
            else
            {
                facts.AddRange((a.Value is null ? a.Values : [a.Value, .. a.Values]).Select(v => (IReadOnlyList<string>)[v]));
            }
        }

        if (facts.Count == 0 && evalCase.Reference is { } reference)
        {
            facts.AddRange(KeyPhrase().Matches(reference).Select(m => (IReadOnlyList<string>)[m.Value.Trim()]).DistinctBy(f => f[0]));
        }

        return facts;
    }

    private static bool Has(string output, string value) => output.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Amounts and numbers (<c>$40</c>, <c>10 MB</c>, <c>14</c>) and menu paths (<c>Settings &gt; Billing</c>).</summary>
    [GeneratedRegex(@"\$?\d+(?:[.,]\d+)?(?:\s?(?:%|MB|GB|KB))?|[A-Z][\w-]*(?: [A-Z][\w-]*)*(?: > [A-Z][\w-]*(?: [A-Z][\w-]*)*)+")]
    private static partial Regex KeyPhrase();
}
