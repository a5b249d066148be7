using System.Globalization;
using System.Text;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Reports;
using Shipgate.Runs;
using Shipgate.Selection;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Cost;

/// <summary>
/// Framework 4, AI cost engineering: turns a run's per-request tokens and a price into cost per request, unit
/// economics from the spec's traffic model, projections, quantified levers and proposed guardrails (docs/cost.md).
/// </summary>
public static class CostAnalyzer
{
    /// <summary>Name of the per-request cap among the guardrails (the rollout plan reads it).</summary>
    public const string MaxCostPerRequestGuardrail = "max cost per request";

    /// <summary>Headroom over the highest measured cost per request for the proposed per-request cap.</summary>
    public const decimal RequestCapHeadroom = 1.5m;

    /// <summary>Headroom over the projected monthly cost for the proposed budget.</summary>
    public const decimal BudgetHeadroom = 1.25m;

    /// <summary>A heavy user, as a multiple of the mean user's daily requests, for the per-user daily cap.</summary>
    public const decimal HeavyUserMultiple = 3m;

    /// <summary>Share of the shared prompt prefix assumed removable by trimming.</summary>
    public const decimal TrimShare = 0.25m;

    /// <summary>
    /// Assumed shortest prompt prefix providers cache: 1,024 tokens for OpenAI's automatic caching and for Anthropic's
    /// Sonnet and Opus (Haiku and some Gemini models need more). A shorter shared prefix is not cached at all.
    /// </summary>
    public const long CachingMinimumTokens = 1024;

    public static CostAnalysis Analyze(FeatureSpec spec, EvalReport report, PriceCatalog catalog, TimeProvider time, RouterEvaluation? routing = null, string? candidateId = null, long? users = null, string? candidateReason = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        if (report.Candidates.Count == 0)
        {
            throw new EvalUsageException($"run {report.Run.Id} has no candidates to cost");
        }

        var runId = report.Run.Id;
        var costs = report.Candidates.Select(c => Measure(spec, report, c, catalog)).ToList();
        var (chosen, chosenBecause) = Choose(costs, report, candidateId);
        var reason = string.IsNullOrWhiteSpace(candidateReason) ? chosenBecause : candidateReason;
        var warnings = new List<string>();
        if (PriceCatalogs.StaleWarning(catalog, time) is { } stale && costs.Any(c => c.PriceSource.Kind == ProvenanceKind.Catalog))
        {
            warnings.Add(stale);
        }

        if (chosen.OfflineStandIn)
        {
            warnings.Add($"'{chosen.CandidateId}' is an offline stand-in ({chosen.Provider}): its tokens are counted offline and its cost is {(chosen.PriceSource.Kind == ProvenanceKind.Declared ? "the declared price" : "zero")}; cost a real candidate before launch");
        }

        var economicsSpec = spec.Economics;
        var traffic = economicsSpec?.Traffic is { } t && users is { } u ? t with { Users = u } : economicsSpec?.Traffic;
        var results = Successful(report, chosen.CandidateId);
        var prefixTokens = SharedPrefixTokens(results, chosen.Provider);
        var duplicateRate = DuplicateRate(results);

        UnitEconomics? economics = null;
        var projections = new List<ScaleProjection>();
        if (economicsSpec is not null && traffic is not null && chosen.CostPerRequestMean is { } mean)
        {
            var judge = OnlineJudgeCost(spec, report, chosen.CandidateId);
            economics = Economics(economicsSpec, traffic, mean, users is not null, judge);
            if (judge.Cost is null)
            {
                warnings.Add($"the online judge's cost is unknown: {judge.Note}");
            }

            projections = [.. economicsSpec.Scale.Select(m => Project(economics, economicsSpec, m))];
        }

        var monthlyModelCost = economics is not null && traffic is not null && chosen.CostPerRequestMean is { } cpr
            ? cpr.Value * traffic.RequestsPerUserPerMonth * traffic.Users
            : (decimal?)null;
        var levers = Levers(chosen, costs, report, catalog, routing, prefixTokens, duplicateRate, monthlyModelCost, runId);
        var guardrails = economicsSpec is not null && traffic is not null && economics is not null
            ? Guardrails(chosen, results, economicsSpec, traffic, economics, runId)
            : [];
        var errors = report.Results.Count(r => r.CandidateId == chosen.CandidateId && r.Error is not null);
        var readiness = Judge(spec, chosen, economics, guardrails, warnings, runId, errors);
        return new CostAnalysis
        {
            Feature = spec.Name,
            RunId = runId,
            CandidateId = chosen.CandidateId,
            CandidateReason = reason,
            CatalogSource = catalog.Source,
            CatalogDate = catalog.Date,
            CatalogStale = PriceCatalogs.IsStale(catalog, time),
            Candidates = costs,
            Economics = economics,
            Projections = projections,
            Levers = levers,
            Guardrails = guardrails,
            SharedPrefixTokens = prefixTokens,
            DuplicateRate = duplicateRate,
            Readiness = readiness,
            Warnings = warnings,
        };
    }

    /// <summary>The price of a candidate: declared pricing first, then the catalog, then free for offline stand-ins.</summary>
    public static (ModelPrice? Price, Provenance Source) PriceOf(CandidateSpec? declared, string provider, PriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (declared?.Pricing is { } pricing)
        {
            return (CostCalculator.FromDeclared(provider, pricing), Provenance.Declared($"candidates[{declared.Id}].pricing"));
        }

        var scheme = provider.Split(':', 2)[0];
        if (ProviderLabels.IsOfflineStandIn(scheme))
        {
            return (new ModelPrice { Model = provider, InputPerToken = 0, OutputPerToken = 0 }, Provenance.Derived("offline stand-in, no charge"));
        }

        if (PriceLookup.Find(catalog, provider) is { } found)
        {
            return (found, Provenance.Catalog($"{found.Model} in {catalog.Source}, prices as of {CostText.Date(catalog.Date)}"));
        }

        return (null, Provenance.Estimated($"no price: '{provider}' is not in the catalog and declares no pricing"));
    }

    private static CandidateCost Measure(FeatureSpec spec, EvalReport report, CandidateSummary summary, PriceCatalog catalog)
    {
        var declared = spec.Candidates.FirstOrDefault(c => c.Id == summary.CandidateId);
        var (price, priceSource) = PriceOf(declared, summary.Provider, catalog);
        var results = Successful(report, summary.CandidateId);
        var encoding = TokenCounter.EncodingFor(ModelName(summary.Provider));
        var usages = results.Select(r => UsageOf(r, summary.Provider)).ToList();
        var reported = results.Count(r => r.UsageKnown);
        var counted = results.Count - reported;
        var tokenSource = summary.OfflineStandIn
            ? $"counted offline ({encoding}) by the stand-in"
            : counted == 0 ? "reported by the provider"
            : reported == 0 ? $"counted offline ({encoding})"
            : $"{reported} reported by the provider, {counted} counted offline ({encoding})";
        CostFigure? mean = null, p95 = null, p99 = null, max = null;
        if (price is not null && usages.Count > 0)
        {
            var perRequest = usages.Select(u => CostCalculator.Cost(price, u)).OrderBy(c => c).ToList();
            var source = Provenance.Derived($"tokens measured in run {report.Run.Id} × price ({priceSource})");
            mean = new CostFigure(perRequest.Sum() / perRequest.Count, source);
            p95 = new CostFigure(DecimalQuantile(perRequest, 0.95), source);
            p99 = new CostFigure(DecimalQuantile(perRequest, 0.99), source);
            max = new CostFigure(perRequest[^1], source);
        }

        return new CandidateCost
        {
            CandidateId = summary.CandidateId,
            Provider = summary.Provider,
            OfflineStandIn = summary.OfflineStandIn,
            Requests = results.Count,
            TokenSource = tokenSource,
            InputTokens = TokenStats.Of([.. usages.Select(u => u.Input)]),
            OutputTokens = TokenStats.Of([.. usages.Select(u => u.Output)]),
            CachedInputTokens = TokenStats.Of([.. usages.Select(u => u.CachedInput)]),
            Price = price,
            PriceSource = priceSource,
            CostPerRequestMean = mean,
            CostPerRequestP95 = p95,
            CostPerRequestP99 = p99,
            CostPerRequestMax = max,
            PassRate = summary.PassRate,
            PassRateCi = summary.PassRateCi,
            RubricMean = summary.RubricMean,
            RubricMeanCi = summary.RubricMeanCi,
            Ships = summary.Verdict.Ship,
        };
    }

    /// <summary>Provider-reported tokens, or (usage unknown) tokens counted offline from the rendered prompt and the output.</summary>
    internal static TokenUsage UsageOf(ResultRecord r, string provider) =>
        r.UsageKnown
            ? new TokenUsage(r.InputTokens, r.OutputTokens, r.CachedInputTokens)
            : new TokenUsage(TokenCounter.Count(r.Prompt, ModelName(provider)), TokenCounter.Count(r.Output, ModelName(provider)));

    private static string ModelName(string provider) => provider.Contains(':', StringComparison.Ordinal) ? provider.Split(':', 2)[1] : provider;

    private static List<ResultRecord> Successful(EvalReport report, string candidateId) =>
        [.. report.Results.Where(r => r.CandidateId == candidateId && r.Error is null)];

    /// <summary>
    /// <see cref="Quantiles.Sorted"/> (linear between closest ranks) on decimals. Kept in decimal on purpose: the p95
    /// is compared with the declared <c>max_cost_per_request</c>, and a round trip through double turns a p95 exactly
    /// at the cap (e.g. $0.0021) into $0.00210000000000001, which would flip the verdict. The only decimal quantile.
    /// </summary>
    internal static decimal DecimalQuantile(IReadOnlyList<decimal> sorted, double q)
    {
        if (sorted.Count == 1)
        {
            return sorted[0];
        }

        var position = (decimal)q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static (CandidateCost, string) Choose(List<CandidateCost> costs, EvalReport report, string? candidateId)
    {
        if (candidateId is not null)
        {
            var named = costs.FirstOrDefault(c => c.CandidateId == candidateId)
                ?? throw new EvalUsageException($"candidate '{candidateId}' is not in run {report.Run.Id}; candidates: {string.Join(", ", costs.Select(c => c.CandidateId))}");
            return (named, "chosen with --candidate");
        }

        var shipping = costs.Where(c => c.Ships).ToList();
        var cheapest = shipping.Where(c => c.CostPerRequestMean is not null).OrderBy(c => c.CostPerRequestMean!.Value).FirstOrDefault();
        if (cheapest is not null)
        {
            return (cheapest, "the cheapest candidate that passes the gate");
        }

        return shipping.Count > 0
            ? (shipping[0], "the first candidate that passes the gate, as none has a known cost")
            : (costs[0], "the first candidate in the run, as none passes the gate");
    }

    /// <summary>
    /// The online judge's cost per live request: <c>rollout.sample_rate</c> × what the run's judge spent per judged
    /// result of <paramref name="candidateId"/> (every verdict of a result, rubric and grounded, inconclusive ones too:
    /// a failed call is paid as well). The offline reference judge costs nothing and is labelled so; a judge without a
    /// price is unknown (null), never $0.
    /// </summary>
    internal static (CostFigure? Cost, string Note) OnlineJudgeCost(FeatureSpec spec, EvalReport report, string candidateId)
    {
        var runId = report.Run.Id;
        if (spec.Rollout.SampleRate is not { } rate)
        {
            return (new CostFigure(0, Provenance.Declared("rollout.sample_rate (not declared)")), "rollout.sample_rate is not declared, so no online judge is costed; declare the share of production requests the judge checks");
        }

        var rateText = rate.ToString("0.####", CultureInfo.InvariantCulture);
        var judged = Successful(report, candidateId)
            .Select(r => r.Assertions.Select(a => a.Judge).OfType<JudgeVerdict>().ToList())
            .Where(v => v.Count > 0)
            .ToList();
        if (judged.Count == 0)
        {
            return (new CostFigure(0, Provenance.Estimated($"run {runId} has no judge verdicts for {candidateId}")), $"run {runId} has no judge verdicts for {candidateId}, so the online judge's cost (rollout.sample_rate {rateText}) is not measured");
        }

        var verdicts = judged.SelectMany(v => v).ToList();
        var judges = string.Join(", ", verdicts.Select(v => v.JudgeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (verdicts.All(v => v.ReferenceBased || ProviderLabels.IsOfflineStandIn(v.JudgeId.Split(':', 2)[0])))
        {
            return (new CostFigure(0, Provenance.Derived($"rollout.sample_rate {rateText} × $0: the offline reference judge ({judges}) costs nothing (run {runId}); a model judge online will not")),
                $"offline reference judge ({judges}): $0 per judged request × sample rate {rateText}; a model judge in production costs its tokens");
        }

        if (verdicts.Any(v => v.CostUsd is null && !v.ReferenceBased))
        {
            return (null, $"the judge ({judges}) has no declared price in run {runId}; declare judge.pricing to cost its {rateText} sample of production requests");
        }

        var perJudged = verdicts.Sum(v => v.CostUsd ?? 0) / judged.Count;
        var perRequest = perJudged * (decimal)rate;
        return (new CostFigure(perRequest, Provenance.Derived($"rollout.sample_rate {rateText} × judge cost per judged request {MoneyFormat.Usd(perJudged)} (measured, run {runId}, {judged.Count} judged results, {judges})")),
            $"{judges}: {MoneyFormat.Usd(perJudged)} per judged request × sample rate {rateText}");
    }

    private static UnitEconomics Economics(EconomicsSpec spec, TrafficSpec traffic, CostFigure modelCost, bool usersOverridden, (CostFigure? Cost, string Note) judge)
    {
        var other = spec.OtherCostsPerRequest.Sum(o => o.Usd);
        var perRequest = modelCost.Value + other + (judge.Cost?.Value ?? 0);
        var perUser = perRequest * traffic.RequestsPerUserPerMonth;
        var usersSource = usersOverridden ? "--users" : "economics.traffic.users";
        var derived = Provenance.Derived($"cost per request × economics.traffic (requests_per_user_per_day × days_per_month)");
        var share = perUser / spec.RevenuePerUserPerMonth;
        return new UnitEconomics
        {
            ModelCostPerRequest = modelCost,
            OtherCostPerRequest = new CostFigure(other, Provenance.Declared("economics.other_costs_per_request")),
            OnlineJudgeCostPerRequest = judge.Cost,
            OnlineJudge = judge.Note,
            CostPerRequest = new CostFigure(perRequest, Provenance.Derived("model cost per request + other costs per request + the online judge's sampled cost" + (judge.Cost is null ? " (unknown, left out)" : ""))),
            RequestsPerUserPerMonth = traffic.RequestsPerUserPerMonth,
            CostPerUserPerMonth = new CostFigure(perUser, derived),
            Users = traffic.Users,
            FeatureCostPerMonth = new CostFigure(perUser * traffic.Users, Provenance.Derived($"cost per user per month × {usersSource}")),
            RevenuePerUserPerMonth = new CostFigure(spec.RevenuePerUserPerMonth, Provenance.Declared("economics.revenue_per_user_per_month")),
            ShareOfRevenue = share,
            Band = CostBands.Of(share),
            MarginPerUser = new CostFigure(spec.RevenuePerUserPerMonth - perUser, Provenance.Derived("revenue per user − AI cost per user")),
        };
    }

    private static ScaleProjection Project(UnitEconomics e, EconomicsSpec spec, decimal multiple)
    {
        var users = (long)Math.Round(e.Users * multiple, MidpointRounding.AwayFromZero);
        var cost = e.CostPerUserPerMonth.Value * users;
        var revenue = spec.RevenuePerUserPerMonth * users;
        return new ScaleProjection(multiple, users, cost, revenue, e.ShareOfRevenue, e.Band, e.MarginPerUser.Value, revenue - cost);
    }

    /// <summary>Tokens of the longest prefix every rendered prompt of the candidate shares (0 with fewer than two distinct prompts).</summary>
    internal static long SharedPrefixTokens(IReadOnlyList<ResultRecord> results, string provider)
    {
        var prompts = results.Select(r => r.Prompt).Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        if (prompts.Count < 2)
        {
            return 0;
        }

        var length = prompts.Min(p => p!.Length);
        var first = prompts[0]!;
        for (var i = 1; i < prompts.Count && length > 0; i++)
        {
            var p = prompts[i]!;
            var k = 0;
            while (k < length && p[k] == first[k])
            {
                k++;
            }

            length = k;
        }

        return TokenCounter.Count(first[..length], ModelName(provider));
    }

    /// <summary>Share of first-repeat requests whose normalised prompt (trimmed, lower case, whitespace collapsed) repeats an earlier one.</summary>
    internal static double DuplicateRate(IReadOnlyList<ResultRecord> results)
    {
        if (results.Count == 0)
        {
            return 0;
        }

        var first = results.Min(x => x.Repeat);
        var prompts = results.Where(r => r.Repeat == first && r.Prompt is not null).Select(r => Normalise(r.Prompt!)).ToList();
        if (prompts.Count == 0)
        {
            return 0;
        }

        return 1 - ((double)prompts.Distinct(StringComparer.Ordinal).Count() / prompts.Count);
    }

    private static string Normalise(string text)
    {
        var b = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && b.Length > 0)
            {
                b.Append(' ');
            }

            space = false;
            b.Append(ch);
        }

        return b.ToString();
    }

    private static List<CostLever> Levers(CandidateCost chosen, List<CandidateCost> costs, EvalReport report, PriceCatalog catalog, RouterEvaluation? routing, long prefixTokens, double duplicateRate, decimal? monthly, string runId)
    {
        var levers = new List<CostLever>();
        var price = chosen.Price;
        var mean = chosen.CostPerRequestMean?.Value;
        CostLever Lever(string name, string detail, decimal low, decimal high, LeverEffort effort, Provenance source) => new()
        {
            Name = name,
            Detail = detail,
            ShareLow = low,
            ShareHigh = high,
            MonthlyLow = monthly * low,
            MonthlyHigh = monthly * high,
            Effort = effort,
            Source = source,
        };
        CostLever NotApplicable(string name, string why, string detail, LeverEffort effort, Provenance source) => new()
        {
            Name = name,
            Detail = detail,
            NotApplicable = why,
            ShareLow = 0,
            ShareHigh = 0,
            Effort = effort,
            Source = source,
        };

        // (a) Prompt tokens identical on every request: cache them, or trim them.
        if (price is not null && mean is > 0)
        {
            const string caching = "Prompt caching of the shared prefix";
            var inputShare = chosen.InputTokens.Mean > 0 ? prefixTokens / chosen.InputTokens.Mean : 0;
            var detail = $"{CostText.Tokens(prefixTokens)} tokens of the rendered prompt are the same on every request ({CostText.Share(inputShare)} of {CostText.Tokens(chosen.InputTokens.Mean)} input tokens per request)";
            var minimum = $"assumed: providers cache only a prompt prefix of at least {CostText.Tokens(CachingMinimumTokens)} tokens (OpenAI; Anthropic's Sonnet and Opus; some models need more), placed first in the prompt";
            var (cached, cachedSource) = CachedInputPrice(chosen, catalog);
            if (prefixTokens == 0)
            {
                levers.Add(NotApplicable(caching, $"the rendered prompts of run {runId} share no prefix", minimum, LeverEffort.Low, Provenance.Measured(runId)));
            }
            else if (prefixTokens < CachingMinimumTokens)
            {
                levers.Add(NotApplicable(caching, $"the shared prefix of {CostText.Tokens(prefixTokens)} tokens is below the providers' {CostText.Tokens(CachingMinimumTokens)}-token minimum for caching", $"{detail}; {minimum}", LeverEffort.Low, Provenance.Derived($"shared prefix measured in run {runId}; assumed {CostText.Tokens(CachingMinimumTokens)}-token caching minimum")));
            }
            else if (cached is not { } c || c >= price.InputPerToken)
            {
                levers.Add(NotApplicable(caching, $"no cached-input price for '{chosen.Provider}' in its pricing or in {catalog.Source}, so the saving cannot be computed", $"{detail}; {minimum}", LeverEffort.Low, Provenance.Derived($"shared prefix measured in run {runId}; no cached-input price")));
            }
            else
            {
                var save = Math.Min(1m, prefixTokens * (price.InputPerToken - c) / mean.Value);
                levers.Add(Lever(caching, $"{detail}; billed at the cached-input price {CostText.PerMillion(c)} instead of {CostText.PerMillion(price.InputPerToken)} per 1M ({cachedSource}); {minimum}", save, save, LeverEffort.Low, Provenance.Derived($"shared prefix measured in run {runId} × cached-input price ({cachedSource})")));
            }

            if (prefixTokens > 0)
            {
                var trim = Math.Min(1m, prefixTokens * TrimShare * price.InputPerToken / mean.Value);
                levers.Add(Lever("Trim the shared prompt", $"{detail}; assumes a quarter of it can be cut without losing quality (re-run the eval to check)", trim, trim, LeverEffort.Medium, Provenance.Derived($"shared prefix measured in run {runId} × assumed 25% trim")));
            }
        }

        // (b) Duplicate requests: what a response cache would save.
        if (mean is > 0)
        {
            const string responseCache = "Response cache for repeated requests";
            const string production = "A suite is built from distinct cases, so production traffic (and its duplicate rate) will differ: measure it there; a response cache saves that share";
            if (duplicateRate <= 0)
            {
                levers.Add(NotApplicable(responseCache, $"no request of run {runId} repeats an earlier prompt (normalised)", production, LeverEffort.Low, Provenance.Measured(runId)));
            }
            else
            {
                var rate = (decimal)duplicateRate;
                levers.Add(Lever(responseCache, $"{CostText.Share(duplicateRate)} of the run's requests repeat an earlier prompt (normalised). {production}.", rate, rate, LeverEffort.Low, Provenance.Measured(runId)));
            }
        }

        // (c) Routing simple requests to a cheaper model: measured only when the router's strong candidate is the one costed.
        const string route = "Route simple requests to a cheaper model";
        var estimate = Provenance.Estimated("framework's typical range for model routing, 40-60%");
        if (routing is not null && routing.StrongCandidate == chosen.CandidateId && routing.CostSavedShare is { } saved)
        {
            // Whole percent, rounded as 'shipgate select' prints the same CostSavedShare, so both reports show one number.
            var share = Math.Round(saved, 2, MidpointRounding.AwayFromZero);
            levers.Add(Lever(route, $"router: {CostText.Share(routing.CheapShare)} of held-out requests to '{routing.CheapCandidate}', the rest to '{routing.StrongCandidate}'; keeps {CostText.Share(routing.QualityRetainedShare)} of the strong candidate's quality on {routing.HeldOutCases.ToString(CultureInfo.InvariantCulture)} held-out cases", share, share, LeverEffort.Medium, Provenance.Measured(routing.RunId)));
        }
        else
        {
            var why = routing is null
                ? "no router evaluation available (run 'shipgate select' to measure one)"
                : routing.StrongCandidate != chosen.CandidateId
                    ? $"no router evaluation for '{chosen.CandidateId}': the router routes between '{routing.CheapCandidate}' and '{routing.StrongCandidate}'; it does not apply to '{chosen.CandidateId}'"
                    : "the router's candidates have no price";
            levers.Add(Lever(route, why + "; the framework's typical range", 0.40m, 0.60m, LeverEffort.Medium, estimate));
        }

        // (d) A cheaper candidate in the run: the cheapest that passes the ship gate, else the cheapest, flagged.
        if (mean is > 0)
        {
            var cheaper = costs.Where(c => c.CandidateId != chosen.CandidateId && c.CostPerRequestMean is { } m && m.Value < mean.Value)
                .OrderBy(c => c.CostPerRequestMean!.Value).ToList();
            if (cheaper.Count > 0)
            {
                var passing = cheaper.FirstOrDefault(c => c.Ships);
                var pick = passing ?? cheaper[0];
                var share = 1 - (pick.CostPerRequestMean!.Value / mean.Value);
                var detail = $"{MoneyFormat.Usd(pick.CostPerRequestMean.Value)} instead of {MoneyFormat.Usd(mean.Value)} per request; {QualityDifference(report, chosen, pick)}";
                if (passing is null)
                {
                    detail = $"fails the ship gate: {GateFailures(report, pick)}; no cheaper candidate passes the gate. {detail}";
                }
                else if (cheaper[0] != passing)
                {
                    detail += $". '{cheaper[0].CandidateId}' is cheaper still but fails the ship gate: {GateFailures(report, cheaper[0])}";
                }

                levers.Add(Lever($"Switch to '{pick.CandidateId}'", detail, share, share, passing is null ? LeverEffort.High : LeverEffort.Low, Provenance.Measured(runId)));
            }
        }

        // (e) The rest: the framework's typical ranges, labelled as estimates.
        levers.Add(Lever("Self-host an open-source model", "own GPUs or a reserved endpoint; pays off at steady high volume", 0.60m, 0.80m, LeverEffort.High, Provenance.Estimated("framework's typical range for self-hosting, 60-80%")));
        levers.Add(Lever("Fine-tune a smaller model", "needs a few hundred to thousands of good examples and an eval to prove quality holds", 0.50m, 0.70m, LeverEffort.High, Provenance.Estimated("framework's typical range for fine-tuning a smaller model, 50-70%")));
        levers.Add(Lever("Prompt optimisation", "shorter instructions, fewer examples, tighter output limits", 0.20m, 0.40m, LeverEffort.Medium, Provenance.Estimated("framework's typical range for prompt optimisation, 20-40%")));
        return levers;
    }

    /// <summary>The candidate's own cached-input rate, else (declared pricing without one) the catalog's rate for the same model.</summary>
    private static (decimal? PerToken, string Source) CachedInputPrice(CandidateCost chosen, PriceCatalog catalog)
    {
        if (chosen.Price?.CachedInputPerToken is { } own)
        {
            return (own, chosen.PriceSource.ToString());
        }

        return chosen.PriceSource.Kind == ProvenanceKind.Declared && PriceLookup.Find(catalog, chosen.Provider) is { CachedInputPerToken: { } fromCatalog } found
            ? (fromCatalog, $"catalog, cached-input price of {found.Model} in {catalog.Source}, {catalog.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            : (null, "");
    }

    /// <summary>The failed checks of a candidate's ship gate, e.g. "pass rate 0.80 [0.70, 0.88], needs ≥ 0.90".</summary>
    private static string GateFailures(EvalReport report, CandidateCost candidate)
    {
        var failed = report.Candidates.FirstOrDefault(c => c.CandidateId == candidate.CandidateId)?.Verdict.Checks.Where(c => !c.Pass).ToList() ?? [];
        return failed.Count == 0 ? "its verdict is NO-SHIP" : string.Join("; ", failed.Select(c => $"{c.Name} {Short(c.Measured)}, needs {c.Threshold}"));

        // The measured value without its parenthesised details (counts, judge notes): the eval report has them.
        static string Short(string measured) => measured.IndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? measured[..i] : measured;
    }

    private static string QualityDifference(EvalReport report, CandidateCost current, CandidateCost cheaper)
    {
        var a = report.Results.Where(r => r.CandidateId == current.CandidateId).ToDictionary(r => (r.CaseId, r.Repeat));
        var pairs = report.Results.Where(r => r.CandidateId == cheaper.CandidateId && a.ContainsKey((r.CaseId, r.Repeat)))
            .Select(r => (A: a[(r.CaseId, r.Repeat)].Pass ? 1.0 : 0.0, B: r.Pass ? 1.0 : 0.0)).ToList();
        var text = new StringBuilder();
        if (pairs.Count > 1)
        {
            var d = Bootstrap.PairedDifference([.. pairs.Select(p => p.A)], [.. pairs.Select(p => p.B)]);
            text.Append(CultureInfo.InvariantCulture, $"pass rate {CostText.Share(cheaper.PassRate)} vs {CostText.Share(current.PassRate)} (paired difference {d.MeanDifference:+0.0%;-0.0%;0%}, 95% CI [{d.Low:+0.0%;-0.0%;0%}, {d.High:+0.0%;-0.0%;0%}] on {d.N} cases)");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"pass rate {CostText.Share(cheaper.PassRate)} vs {CostText.Share(current.PassRate)}");
        }

        if (cheaper.RubricMean is { } rb && current.RubricMean is { } ra)
        {
            text.Append(CultureInfo.InvariantCulture, $"; rubric mean {rb:0.00} {cheaper.RubricMeanCi} vs {ra:0.00} {current.RubricMeanCi}");
        }

        return text.ToString();
    }

    private static List<GuardrailProposal> Guardrails(CandidateCost chosen, List<ResultRecord> results, EconomicsSpec spec, TrafficSpec traffic, UnitEconomics e, string runId)
    {
        var list = new List<GuardrailProposal>();
        var declared = spec.Guardrails;
        var other = e.OtherCostPerRequest.Value;
        var measured = Provenance.Derived($"costs measured in run {runId}");
        if (chosen.CostPerRequestMax is { } max && chosen.CostPerRequestP99 is { } p99)
        {
            var useP99 = chosen.Requests >= 100;
            var basis = (useP99 ? p99.Value : max.Value) + other;
            string? problem = null;
            if (declared?.MaxCostPerRequest is { } cap && chosen.Price is { } price)
            {
                var over = results.Select(r => CostCalculator.Cost(price, UsageOf(r, chosen.Provider)) + other).Count(c => c > cap);
                if (over > 0)
                {
                    problem = $"{CostText.Users(over)} of {CostText.Users(results.Count)} requests in run {runId} cost more than the declared {MoneyFormat.Usd(cap)}: they would be blocked";
                }
            }

            list.Add(new GuardrailProposal
            {
                Name = MaxCostPerRequestGuardrail,
                Proposed = basis * RequestCapHeadroom,
                Rule = $"{CostText.Multiple(RequestCapHeadroom)} the {(useP99 ? "p99" : "highest")} cost per request measured ({MoneyFormat.Usd(basis)}, other costs included)",
                Source = measured,
                Declared = declared?.MaxCostPerRequest,
                Problem = problem,
                Note = declared?.MaxCostPerRequest is { } c && chosen.CostPerRequestP95 is { } p95 && p95.Value + other <= c ? $"p95 {MoneyFormat.Usd(p95.Value + other)} (other costs included) is under the declared cap" : null,
            });
        }

        var monthly = e.FeatureCostPerMonth.Value;
        var budget = monthly * BudgetHeadroom;
        list.Add(new GuardrailProposal
        {
            Name = "monthly budget",
            Proposed = budget,
            Rule = $"{CostText.Multiple(BudgetHeadroom)} the projected monthly cost at today's users ({MoneyFormat.Usd(monthly)})",
            Source = Provenance.Derived($"run {runId} × economics.traffic"),
            Declared = declared?.MonthlyBudget,
            Problem = declared?.MonthlyBudget is { } b && b < monthly
                ? $"the projected monthly cost {MoneyFormat.Usd(monthly)} is over the declared budget {MoneyFormat.Usd(b)}: the budget would run out on day {BudgetDay(b, monthly, traffic.DaysPerMonth).ToString(CultureInfo.InvariantCulture)} of {traffic.DaysPerMonth.ToString(CultureInfo.InvariantCulture)}"
                : null,
            Note = declared?.MonthlyBudget is { } ok && ok >= monthly ? $"the projected {MoneyFormat.Usd(monthly)} a month is {CostText.Share(monthly / ok)} of the declared budget" : null,
        });
        var alerts = declared?.AlertAt is { Count: > 0 } a ? a : [0.5m, 0.8m, 1.0m];
        var alertBudget = declared?.MonthlyBudget ?? budget;
        list.Add(new GuardrailProposal
        {
            Name = "alerts",
            Proposed = alertBudget,
            Rule = "alert at " + string.Join(", ", alerts.Select(x => $"{CostText.Share(x)} ({MoneyFormat.Usd(x * alertBudget)})")) + $" of the {(declared?.MonthlyBudget is null ? "proposed" : "declared")} monthly budget",
            Source = declared?.AlertAt is { Count: > 0 } ? Provenance.Declared("economics.guardrails.alert_at") : Provenance.Estimated("framework's usual thresholds 50%, 80%, 100%"),
        });
        var perUserDay = e.CostPerRequest.Value * traffic.RequestsPerUserPerDay * HeavyUserMultiple;
        list.Add(new GuardrailProposal
        {
            Name = "per-user daily cap",
            Proposed = perUserDay,
            Rule = $"cost per request × {CostText.Number(traffic.RequestsPerUserPerDay)} requests per day × {CostText.Number(HeavyUserMultiple)} (a heavy user at {CostText.Multiple(HeavyUserMultiple)} the mean)",
            Source = Provenance.Derived($"run {runId} × economics.traffic.requests_per_user_per_day"),
            Declared = declared?.MaxCostPerUserPerDay,
            Problem = declared?.MaxCostPerUserPerDay is { } d && d < e.CostPerRequest.Value * traffic.RequestsPerUserPerDay
                ? $"the mean user spends {MoneyFormat.Usd(e.CostPerRequest.Value * traffic.RequestsPerUserPerDay)} a day, over the declared cap {MoneyFormat.Usd(d)}"
                : null,
        });
        return list;
    }

    /// <summary>
    /// The cost verdict. Not ready: the reasons are only what blocks, each with its number and source. Ready (or not
    /// declared): the reasons are the notes worth reading (watch band, warnings). Passing facts stay in the body.
    /// </summary>
    private static Readiness Judge(FeatureSpec spec, CandidateCost chosen, UnitEconomics? e, List<GuardrailProposal> guardrails, List<string> warnings, string runId, int errors)
    {
        if (spec.Economics is null)
        {
            return new Readiness(ReadinessStatus.NotDeclared, "no economics: section; add traffic (users, requests_per_user_per_day) and revenue_per_user_per_month to shipgate.yaml (docs/cost.md)", [.. warnings]);
        }

        if (chosen.Price is not null && chosen.Requests == 0)
        {
            return new Readiness(
                ReadinessStatus.NotReady,
                $"no successful request of '{chosen.CandidateId}' in the run to measure cost from",
                [$"all {CostText.Users(errors)} requests of '{chosen.CandidateId}' in run {runId} failed: fix the errors and run 'shipgate eval' again"]);
        }

        if (chosen.Price is null || e is null)
        {
            return new Readiness(
                ReadinessStatus.NotReady,
                $"cost of '{chosen.CandidateId}' is unknown: '{chosen.Provider}' has no price",
                [$"no price for '{chosen.Provider}' ({chosen.PriceSource}): declare pricing: {{ input, output }} (USD per 1M tokens) on candidate '{chosen.CandidateId}', or import a catalog that has it with 'shipgate prices import FILE' (or pass --prices FILE)"]);
        }

        var blockers = new List<(string Short, string Reason)>();
        var share = CostText.Share(e.ShareOfRevenue);
        var perUser = $"{MoneyFormat.Usd(e.CostPerUserPerMonth.Value)} of {MoneyFormat.Usd(e.RevenuePerUserPerMonth.Value)} per user per month";
        if (e.Band == CostBand.Problem)
        {
            blockers.Add(($"AI cost {share} of revenue is a margin problem", $"AI cost is {share} of revenue ({perUser}), over the {CostText.Share(CostBands.ProblemAbove)} line: a margin problem (derived from run {runId} × shipgate.yaml economics)"));
        }

        if (spec.Economics.Guardrails?.MaxCostPerRequest is { } cap && chosen.CostPerRequestP95 is { } p95)
        {
            var p95Total = p95.Value + e.OtherCostPerRequest.Value;
            if (p95Total > cap)
            {
                blockers.Add(("p95 cost per request is over the declared cap", $"p95 cost per request {MoneyFormat.Usd(p95Total)} (run {runId}, other costs included) is over the declared cap {MoneyFormat.Usd(cap)} (shipgate.yaml economics.guardrails.max_cost_per_request)"));
            }
        }

        // A declared budget or cap that measured traffic would trip is a launch blocker: the kill switch would fire in production.
        foreach (var g in guardrails.Where(g => g.Problem is not null && g.Name != MaxCostPerRequestGuardrail))
        {
            blockers.Add(($"the declared {g.Name} would be tripped", $"{g.Name}: {g.Problem} ({g.Source}; declared in shipgate.yaml economics.guardrails)"));
        }

        if (blockers.Count > 0)
        {
            var more = blockers.Count > 1 ? $" (and {CostText.Users(blockers.Count - 1)} more)" : "";
            return new Readiness(ReadinessStatus.NotReady, $"{blockers[0].Short} for '{chosen.CandidateId}'{more}", [.. blockers.Select(b => b.Reason)]);
        }

        var notes = new List<string>();
        if (e.Band == CostBand.Watch)
        {
            notes.Add($"AI cost is {share} of revenue ({perUser}), in the watch band: apply a lever below before scale-up (derived from run {runId} × shipgate.yaml economics)");
        }

        notes.AddRange(warnings);
        return new Readiness(ReadinessStatus.Ready, $"AI cost {share} of revenue for '{chosen.CandidateId}': {CostBands.Label(e.Band)}", notes);
    }

    /// <summary>The day of the month a budget runs out at the projected spend: the first day whose cumulative cost exceeds it.</summary>
    internal static int BudgetDay(decimal budget, decimal monthly, decimal daysPerMonth) =>
        monthly <= 0 ? (int)daysPerMonth : Math.Max(1, (int)Math.Ceiling(budget / monthly * daysPerMonth));

    internal static string PerMillion(decimal perToken) => CostText.PerMillion(perToken);
}
