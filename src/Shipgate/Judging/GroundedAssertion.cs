using Shipgate.Evals.Assertions;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// <c>grounded</c>: the output's claims are checked against its <c>sources:</c> (default: the case's context and the
/// feature's knowledge files; <c>vars.NAME</c> grounds on a document in the case's input). It fails
/// (a hallucination, see <see cref="IsHallucination"/>) when more than <c>max_unsupported</c> claims (default 0) are
/// contradicted or not found. Score: the supported share. The judge is the assertion's <c>judge:</c>, else the feature's
/// first judge, else <c>local:reference</c> (approximate, embedding-based).
/// </summary>
internal sealed class GroundedAssertion(AssertionSpec spec, IGroundednessJudgeFactory judges) : IAssertion
{
    /// <summary>Verdict-to-score mapping of the per-claim <see cref="CriterionScore"/> entries.</summary>
    public const int SupportedScore = 5, NotFoundScore = 3, ContradictedScore = 1;

    /// <summary>Prefix of the reason of an offline verdict, so every report line carries the label.</summary>
    public const string ApproximatePrefix = "approximate, embedding-based: ";

    /// <summary>
    /// The report's hallucination signal: a conclusive failed <c>grounded</c> outcome. Inconclusive judgings are not
    /// counted as hallucinations (nor as grounded); they are counted as inconclusive.
    /// </summary>
    public static bool IsHallucination(AssertionOutcome outcome) =>
        IsGroundedness(outcome) && !outcome.Pass && !outcome.Inconclusive;

    /// <summary>
    /// A conclusive <c>grounded</c> outcome with at least one claim checked (one that counts in the hallucination rate's
    /// denominator). An output with no checkable claims passes but is no clean check: it is not counted.
    /// </summary>
    public static bool IsChecked(AssertionOutcome outcome) =>
        IsGroundedness(outcome) && !outcome.Inconclusive && outcome.Judge is { Criteria.Count: > 0 };

    /// <summary>Source names a <c>grounded</c> assertion accepts besides <c>vars.NAME</c>.</summary>
    public const string ContextSource = "context", KnowledgeSource = "knowledge", VarsPrefix = "vars.";

    private static bool IsGroundedness(AssertionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Type == AssertionTypes.Grounded;
    }

    /// <summary>Max claims allowed to be unsupported: the <c>max_unsupported</c> key, carried in <see cref="AssertionSpec.Max"/>.</summary>
    public int MaxUnsupported => (int)(spec.Max ?? 0);

    public async ValueTask<AssertionOutcome> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Feature;
        if (feature is null)
        {
            return Inconclusive("no feature spec to read knowledge files and judges from");
        }

        JudgeSpec? judgeSpec = spec.Judge is { } id ? feature.Judges.FirstOrDefault(j => j.Id == id) : feature.Judges.FirstOrDefault();
        if (spec.Judge is not null && judgeSpec is null)
        {
            return Inconclusive($"unknown judge '{spec.Judge}': declare it under 'judges:'");
        }

        judgeSpec ??= new JudgeSpec { Id = JudgeSpec.LocalReference, Provider = JudgeSpec.LocalReference };
        IGroundednessJudge judge;
        try
        {
            judge = judges.CreateGroundedness(judgeSpec, feature);
        }
        catch (ProviderException ex)
        {
            return Inconclusive($"judge '{judgeSpec.Id}' could not be set up: {ex.Message}");
        }

        var sources = spec.Sources.Count == 0 ? [ContextSource, KnowledgeSource] : spec.Sources;
        var documents = new List<string>();
        foreach (var source in sources)
        {
            if (source == ContextSource)
            {
                documents.AddRange(context.Case.Context);
            }
            else if (source.StartsWith(VarsPrefix, StringComparison.Ordinal))
            {
                // The loader checks that every case this assertion applies to has the var; an empty one grounds nothing.
                if (context.Case.Vars.TryGetValue(source[VarsPrefix.Length..], out var document) && document.Trim().Length > 0)
                {
                    documents.Add(document);
                }
            }
        }

        var result = await judge.JudgeAsync(new GroundednessRequest
        {
            Case = context.Case,
            Output = context.Output,
            Documents = documents,
            KnowledgeFiles = sources.Contains(KnowledgeSource) ? feature.KnowledgeFiles : [],
            Embeddings = context.Embeddings,
            Cache = context.JudgeCache,
        }, cancellationToken).ConfigureAwait(false);
        var prefix = result.Verdict.ReferenceBased ? ApproximatePrefix : "";
        if (result.Verdict.Inconclusive)
        {
            return new AssertionOutcome(spec.DisplayType, false, 0, $"inconclusive ({result.Verdict.JudgeId}): {prefix}{result.Problem}; never counted as a pass", spec.Weight)
            {
                Inconclusive = true,
                Judge = result.Verdict,
            };
        }

        var claims = result.Claims;
        var scores = claims.Select((c, i) => new CriterionScore(
            $"claim {i + 1}: {Shorten(c.Claim, 80)}",
            c.Verdict switch { ClaimVerdict.Supported => SupportedScore, ClaimVerdict.NotFound => NotFoundScore, _ => ContradictedScore },
            $"{Name(c.Verdict)}: {c.Evidence}")).ToList();
        var supported = claims.Count(c => c.Verdict == ClaimVerdict.Supported);
        var offending = claims.Where(c => c.Verdict != ClaimVerdict.Supported).ToList();
        var pass = offending.Count <= MaxUnsupported;
        var share = claims.Count == 0 ? 1.0 : (double)supported / claims.Count;
        var verdict = result.Verdict with { Criteria = scores, Mean = scores.Count == 0 ? null : scores.Average(s => s.Score!.Value) };
        var reason = claims.Count == 0
            ? $"{prefix}no factual claims to check, so this is no groundedness check (not counted in the hallucination rate)"
            : $"{prefix}{supported} of {claims.Count} claims supported"
              + (offending.Count == 0 ? "" : (pass ? $" (within max_unsupported {MaxUnsupported})" : " — hallucination") + ": "
                 + string.Join("; ", offending.Take(3).Select(c => $"{Name(c.Verdict)} \"{Shorten(c.Claim, 60)}\""))
                 + (offending.Count > 3 ? $"; +{offending.Count - 3} more" : ""));
        return new AssertionOutcome(spec.DisplayType, pass, share, reason, spec.Weight) { Judge = verdict };
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis, on one line.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }

    private static string Name(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.Contradicted => "contradicted",
        _ => "not found",
    };

    private AssertionOutcome Inconclusive(string reason) =>
        new(spec.DisplayType, false, 0, "inconclusive: " + reason, spec.Weight) { Inconclusive = true };
}
