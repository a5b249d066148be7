using Shipgate.Cost;
using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Selection;

/// <summary>
/// Derives a router policy (simple requests → the cheap candidate, the rest → the strong one) from per-case results,
/// fitted on part of the suite and measured on the held-out rest (deterministic split by seed). The cheap candidate
/// is the cheapest one that meets the quality bar; the strong one has the best quality. See docs/select.md.
/// </summary>
internal static class RouterFitter
{
    /// <summary>Missing a failure costs quality, which counts double against sending a success to the strong candidate.</summary>
    private const double MissedFailureCost = 2;

    /// <summary>A tag routes to the strong candidate when the cheap one failed at least this share of its fitted cases (n ≥ 2).</summary>
    private const double TagFailureShare = 0.5;

    public static async Task<RouterOutcome> FitAsync(
        FeatureSpec spec,
        EvalReport report,
        IReadOnlyList<CandidateAssessment> rows,
        QualityMetric metric,
        SelectionSpec? selection,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        IReadOnlyDictionary<string, (ModelPrice Price, string Provider)> prices,
        CancellationToken cancellationToken)
    {
        // Both ends of the router serve real traffic, so each must pass the ship gate: the strong one is the fallback
        // for the requests the cheap one would get wrong.
        var measured = rows.Where(r => r.Quality is not null).ToList();
        var pool = measured.Where(r => !r.Eliminated && r.PassesShipGate).ToList();
        if (pool.Count < 2)
        {
            pool = [.. measured.Where(r => r.PassesShipGate)];
        }

        if (pool.Count < 2 && measured.Count >= 2)
        {
            var failing = measured.Where(r => !r.PassesShipGate).Select(r => r.CandidateId).ToList();
            return new RouterOutcome { Statement = $"no router: both of its candidates must pass the ship gate, and {string.Join(", ", failing)} do{(failing.Count == 1 ? "es" : "")} not" };
        }

        var strong = pool.OrderByDescending(r => r.Quality).ThenBy(r => r.CostPerRequest ?? decimal.MaxValue).ThenBy(r => r.CandidateId, StringComparer.Ordinal).FirstOrDefault();
        var bar = selection?.Get(RequirementKind.Quality)?.Min;
        var cheap = pool
            .Where(r => r != strong && r.CostPerRequest is not null && (bar is null || RequirementScorer.AtLeast(r.Quality!.Value, bar.Value)))
            .OrderBy(r => r.CostPerRequest)
            .ThenByDescending(r => r.Quality)
            .FirstOrDefault()
            ?? pool.Where(r => r != strong).OrderBy(r => r.CostPerRequest ?? decimal.MaxValue).FirstOrDefault();
        if (strong is null || cheap is null)
        {
            return new RouterOutcome { Statement = "no router: it needs two candidates with measured quality" };
        }

        if (strong.CostPerRequest is { } sc && cheap.CostPerRequest is { } cc && cc >= sc)
        {
            return new RouterOutcome { Statement = $"no router: the best-quality candidate {strong.CandidateId} is also the cheapest, so there is nothing to save" };
        }

        var cases = Cases(spec, report, cheap.CandidateId, strong.CandidateId, metric, bar, prices);
        var routing = selection?.Routing ?? new RoutingSettings();
        var held = Math.Max(1, (int)Math.Round(cases.Count * routing.Holdout, MidpointRounding.AwayFromZero));
        if (cases.Count - held < 2)
        {
            return new RouterOutcome { Statement = $"no router: {cases.Count} cases with results from both {cheap.CandidateId} and {strong.CandidateId} are too few to fit and hold out" };
        }

        if (embeddings is not null)
        {
            var vectors = await embeddings.GenerateAsync(cases.Select(c => c.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < cases.Count; i++)
            {
                cases[i].Vector = vectors[i].Vector.ToArray();
            }
        }

        var shuffled = Shuffle(cases, routing.Seed);
        var holdout = shuffled.Take(held).ToList();
        var fit = shuffled.Skip(held).ToList();
        var policy = Fit(spec.Name, report.Run.Id, cheap.CandidateId, strong.CandidateId, fit, embeddings is not null, routing.RequestTags);
        var evaluation = Measure(policy, fit, holdout, report.Run.Id, out var retainedCi);
        var cost = evaluation.CostSavedShare is { } saved ? $"{SelectionAnalyzer.Pct((double)saved)} cheaper" : "cost saving unknown (a candidate has no price)";
        return new RouterOutcome
        {
            Policy = policy,
            Evaluation = evaluation,
            QualityRetainedCi = retainedCi,
            FittedCases = fit.Count,
            Statement = $"route {SelectionAnalyzer.Pct(evaluation.CheapShare)} of requests to {cheap.CandidateId}, the rest to {strong.CandidateId}: {cost}, " +
                $"{SelectionAnalyzer.Pct(evaluation.QualityRetainedShare)} of {strong.CandidateId}'s {CaseQuality.Name(metric)}" +
                (retainedCi is { } ci ? $" [{SelectionAnalyzer.Pct(ci.Low)}, {SelectionAnalyzer.Pct(ci.High)}]" : "") +
                $" on {evaluation.HeldOutCases} held-out cases (fitted on {fit.Count}; measured, run {report.Run.Id}); " +
                (policy.Needs.Count == 0 ? "the runtime needs nothing from the request (every request goes to " + cheap.CandidateId + ")" : "the runtime needs " + string.Join("; ", policy.Needs)),
        };
    }

    /// <summary>
    /// The cases both candidates answered, with the request features the policy can see. Costs are the result's
    /// tokens × today's price when the matrix has one (the same cost function as cost engineering), else the cost
    /// the run stored.
    /// </summary>
    internal static List<RouterCase> Cases(FeatureSpec spec, EvalReport report, string cheap, string strong, QualityMetric metric, double? bar,
        IReadOnlyDictionary<string, (ModelPrice Price, string Provider)>? prices = null)
    {
        decimal? CostOf(ResultRecord r) =>
            prices is not null && prices.TryGetValue(r.CandidateId, out var p) ? CostCalculator.Cost(p.Price, CostAnalyzer.UsageOf(r, p.Provider)) : r.CostUsd;

        var cheapQuality = CaseQuality.Of(report, cheap, metric);
        var strongQuality = CaseQuality.Of(report, strong, metric);
        var specCases = spec.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var result = new List<RouterCase>();
        foreach (var id in cheapQuality.Keys.Where(strongQuality.ContainsKey).Order(StringComparer.Ordinal))
        {
            var cheapResults = report.Results.Where(r => r.CaseId == id && r.CandidateId == cheap).ToList();
            var strongResults = report.Results.Where(r => r.CaseId == id && r.CandidateId == strong).ToList();
            var first = cheapResults[0];
            var text = specCases.TryGetValue(id, out var c) && c.Vars.Count > 0
                ? string.Join("\n", c.Vars.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value))
                : first.Prompt ?? id;
            result.Add(new RouterCase
            {
                CaseId = id,
                Tags = first.Tags,
                InputTokens = TokenCounter.Count(first.Prompt),
                Text = text,
                CheapQuality = cheapQuality[id],
                StrongQuality = strongQuality[id],
                CheapFailed = cheapResults.Any(r => !r.Pass) || (bar is { } b && !RequirementScorer.AtLeast(cheapQuality[id], b)),
                CheapCost = Mean(cheapResults.Select(CostOf)),
                StrongCost = Mean(strongResults.Select(CostOf)),
            });
        }

        return result;
    }

    /// <summary>
    /// Fits the rules on what a live request carries: its length, an embedding of its input and, only when the spec
    /// declares that production requests carry them (<c>selection.routing.request_tags</c>), those case tags. Suite tags
    /// are how the suite is organised, not request metadata, so an undeclared tag never becomes a rule. With declared
    /// tags the fit is done twice, with and without tag rules, and the tag-free policy is kept whenever its fitted loss
    /// is no worse.
    /// </summary>
    internal static RouterPolicy Fit(string feature, string runId, string cheap, string strong, List<RouterCase> fit, bool useEmbeddings, IReadOnlyCollection<string>? requestTags = null)
    {
        var declared = requestTags ?? [];
        var withoutTags = FitRules(cheap, strong, fit, useEmbeddings, []);
        var withTags = declared.Count == 0 ? withoutTags : FitRules(cheap, strong, fit, useEmbeddings, declared);
        var rules = withTags.Loss < withoutTags.Loss ? withTags.Rules : withoutTags.Rules;
        var embeddingModel = rules.Any(r => r.Match == "similar_to_failure") ? MiniLmEmbeddingGenerator.ModelId : null;
        const string tokenCounter = "o200k_base tokens of the rendered prompt (counted offline)";
        return new RouterPolicy
        {
            Feature = feature,
            RunId = runId,
            CheapCandidate = cheap,
            StrongCandidate = strong,
            TokenCounter = tokenCounter,
            EmbeddingModel = embeddingModel,
            Rules = rules,
            Needs = [.. rules.Select(r => r.Match switch
            {
                "tags" => $"the request's tags: {string.Join(", ", r.Tags ?? [])}",
                "input_tokens_above" => $"the request's input tokens ({tokenCounter})",
                "similar_to_failure" => $"an embedding of the request's input ({embeddingModel})",
                _ => null,
            }).OfType<string>()],
        };
    }

    private static (List<RouterRule> Rules, double Loss) FitRules(string cheap, string strong, List<RouterCase> fit, bool useEmbeddings, IReadOnlyCollection<string> requestTags)
    {
        var rules = new List<RouterRule>();
        var loss = 0.0;

        // 1. Declared request tags where the cheap candidate mostly failed.
        List<(string Tag, int N, int Failed)> strongTags = requestTags.Count == 0 ? [] : fit.SelectMany(c => c.Tags).Where(t => requestTags.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (Tag: t, N: fit.Count(c => c.Tags.Contains(t)), Failed: fit.Count(c => c.Tags.Contains(t) && c.CheapFailed)))
            .Where(t => t.N >= 2 && (double)t.Failed / t.N >= TagFailureShare)
            .ToList();
        if (strongTags.Count > 0)
        {
            rules.Add(new RouterRule
            {
                Match = "tags",
                Tags = [.. strongTags.Select(t => t.Tag)],
                Route = strong,
                Why = string.Join("; ", strongTags.Select(t => $"{cheap} failed {t.Failed} of {t.N} fitted '{t.Tag}' cases")),
            });
        }

        var tagged = fit.Where(c => c.Tags.Any(t => strongTags.Any(s => s.Tag == t))).ToList();
        loss += Loss(tagged, _ => true);
        var rest = fit.Except(tagged).ToList();

        // 2. Long inputs: the token threshold with the lowest fitting loss (ties keep more requests on the cheap one).
        var bestTokens = long.MaxValue;
        var bestLoss = Loss(rest, _ => false);
        foreach (var threshold in rest.Select(c => c.InputTokens).Distinct().OrderDescending())
        {
            var l = Loss(rest, c => c.InputTokens > threshold);
            if (l < bestLoss)
            {
                (bestLoss, bestTokens) = (l, threshold);
            }
        }

        if (bestTokens != long.MaxValue)
        {
            rules.Add(new RouterRule
            {
                Match = "input_tokens_above",
                InputTokens = bestTokens,
                Route = strong,
                Why = $"{cheap} failed {rest.Count(c => c.InputTokens > bestTokens && c.CheapFailed)} of {rest.Count(c => c.InputTokens > bestTokens)} fitted cases over {bestTokens} tokens",
            });
            loss += Loss([.. rest.Where(c => c.InputTokens > bestTokens)], _ => true);
            rest = [.. rest.Where(c => c.InputTokens <= bestTokens)];
        }

        // 3. The neighbourhood of the cheap candidate's fitted failures (leave-one-out similarity, so a failure does not find itself).
        var failures = fit.Where(c => c.CheapFailed && c.Vector is not null).ToList();
        var restLoss = Loss(rest, _ => false);
        if (useEmbeddings && failures.Count > 0 && rest.Count > 0)
        {
            var similarity = rest.ToDictionary(c => c, c => Nearest(c.Vector!, failures.Where(f => f != c)));
            var bestThreshold = double.PositiveInfinity;
            foreach (var threshold in similarity.Values.Where(v => !double.IsNegativeInfinity(v)).Distinct().OrderDescending())
            {
                var l = Loss(rest, c => similarity[c] >= threshold);
                if (l < restLoss)
                {
                    (restLoss, bestThreshold) = (l, threshold);
                }
            }

            if (!double.IsPositiveInfinity(bestThreshold))
            {
                var rounded = Math.Floor(bestThreshold * 1000) / 1000;
                rules.Add(new RouterRule
                {
                    Match = "similar_to_failure",
                    Threshold = rounded,
                    Examples = [.. failures.Select(f => f.Text)],
                    Route = strong,
                    Why = $"{rest.Count(c => similarity[c] >= rounded && c.CheapFailed)} of {rest.Count(c => similarity[c] >= rounded)} fitted cases this close to a {cheap} failure failed on {cheap}",
                });
            }
        }

        rules.Add(new RouterRule { Match = "default", Route = cheap, Why = "everything else" });
        return (rules, loss + restLoss);
    }

    internal static RouterEvaluation Measure(RouterPolicy policy, List<RouterCase> fit, List<RouterCase> holdout, string runId, out Interval? retainedCi)
    {
        var failures = policy.Rules.FirstOrDefault(r => r.Match == "similar_to_failure") is null
            ? []
            : fit.Where(c => c.CheapFailed && c.Vector is not null).ToList();
        var routed = holdout.Select(c =>
        {
            double? similarity = failures.Count == 0 || c.Vector is null ? null : Nearest(c.Vector, failures);
            var toCheap = policy.Route(c.Tags.ToHashSet(StringComparer.Ordinal), c.InputTokens, similarity) == policy.CheapCandidate;
            return (Case: c, ToCheap: toCheap, Quality: toCheap ? c.CheapQuality : c.StrongQuality, Cost: toCheap ? c.CheapCost : c.StrongCost);
        }).ToList();

        var strongMean = holdout.Average(c => c.StrongQuality);
        var routedMean = routed.Average(r => r.Quality);
        var retained = strongMean <= 0 ? 1 : routedMean / strongMean;
        retainedCi = null;
        if (holdout.Count >= 2 && strongMean > 0)
        {
            var (low, high) = Bootstrap.MeanInterval([.. routed.Select(r => r.Quality - r.Case.StrongQuality)]);
            retainedCi = new Interval((strongMean + low) / strongMean, (strongMean + high) / strongMean);
        }

        decimal? saved = null;
        if (routed.All(r => r.Cost is not null) && holdout.All(c => c.StrongCost is not null))
        {
            var strongCost = holdout.Sum(c => c.StrongCost!.Value);
            saved = strongCost == 0 ? 0 : 1 - (routed.Sum(r => r.Cost!.Value) / strongCost);
        }

        return new RouterEvaluation
        {
            CheapCandidate = policy.CheapCandidate,
            StrongCandidate = policy.StrongCandidate,
            HeldOutCases = holdout.Count,
            CheapShare = (double)routed.Count(r => r.ToCheap) / holdout.Count,
            CostSavedShare = saved,
            QualityRetainedShare = retained,
            RunId = runId,
        };
    }

    private static double Loss(List<RouterCase> cases, Func<RouterCase, bool> toStrong) =>
        cases.Sum(c => toStrong(c) ? (c.CheapFailed ? 0 : 1) : (c.CheapFailed ? MissedFailureCost : 0));

    private static double Nearest(float[] vector, IEnumerable<RouterCase> failures)
    {
        var best = double.NegativeInfinity;
        foreach (var f in failures)
        {
            best = Math.Max(best, VectorMath.Cosine(vector, f.Vector!));
        }

        return best;
    }

    /// <summary>Fisher-Yates with the seeded SplitMix64 generator: the same seed gives the same split everywhere.</summary>
    internal static List<RouterCase> Shuffle(List<RouterCase> cases, int seed)
    {
        var list = cases.ToList();
        var random = new SeededRandom((ulong)seed);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static decimal? Mean(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return list.Count == 0 || list.Any(v => v is null) ? null : list.Average(v => v!.Value);
    }
}
