using System.Globalization;
using Microsoft.Extensions.AI;
using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Selection;

/// <summary>
/// Builds the model selection matrix from a spec's <c>selection:</c> requirements and one eval run: each figure
/// normalised to a 0-1 score (<see cref="RequirementScorer"/>), weighted and summed; hard constraints eliminate;
/// the winner is checked for robustness; the router policy is fitted and measured on held-out cases.
/// </summary>
public static class SelectionAnalyzer
{
    /// <summary>A candidate with more than this share of errored results is out: its latency and cost would describe failures, not answers.</summary>
    internal const double MaxErrorShare = 0.5;

    /// <summary>The full analysis; <paramref name="embeddings"/> (optional) lets the router learn the neighbourhood of the cheap candidate's failures.</summary>
    public static Task<SelectionAnalysis> AnalyzeAsync(
        FeatureSpec spec,
        EvalReport report,
        PriceCatalog? catalog,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        CancellationToken cancellationToken) =>
        AnalyzeAsync(spec, report, catalog, embeddings, recorded: null, cancellationToken);

    /// <summary>
    /// The full analysis, told the recorded decision (decisions/model-selection.json) when there is one: a run that holds
    /// one candidate compares nothing, so the recorded decision stands and the report warns where this run disagrees.
    /// </summary>
    internal static async Task<SelectionAnalysis> AnalyzeAsync(
        FeatureSpec spec,
        EvalReport report,
        PriceCatalog? catalog,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        DecisionSnapshot? recorded,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        var selection = spec.Selection;
        var requirements = selection?.Requirements ?? [];
        var metric = selection?.Get(RequirementKind.Quality)?.Metric
            ?? (report.Candidates.Any(c => c.RubricMean is not null) ? QualityMetric.RubricMean : QualityMetric.MeanScore);
        var runId = report.Run.Id;
        var warnings = new List<string>();

        var rows = new List<Row>();
        foreach (var summary in report.Candidates)
        {
            var candidate = spec.Candidates.FirstOrDefault(c => c.Id == summary.CandidateId);
            if (candidate is null)
            {
                warnings.Add($"candidate '{summary.CandidateId}' of run {runId} is no longer in shipgate.yaml; left out of the matrix");
                continue;
            }

            rows.Add(Facts(candidate, summary, metric, catalog, report));
        }

        if (rows.Count == 0)
        {
            warnings.Add($"run {runId} has no candidate of today's spec");
        }

        // Relative scores are measured against the candidates still in the running, so a candidate that is out cannot
        // decide between the others; when none is in the running, against all. Hard failures do not depend on the
        // references, so a first pass with any reference finds the field.
        var scored = requirements.Where(q => q.Kind != RequirementKind.VendorDiversity).ToList();
        var references = ReferencesOver(rows, rows, report, metric);
        foreach (var row in rows)
        {
            row.Scores = [.. scored.Select(q => Score(q, row, references, metric))];
        }

        var field = rows.Where(r => r.InRunning).ToList();
        references = ReferencesOver(field.Count > 0 ? field : rows, rows, report, metric);
        foreach (var row in rows)
        {
            row.Scores = [.. scored.Select(q => Score(q, row, references, metric))];
        }

        // Vendor diversity looks at the set: it is scored once the hard constraints have thinned it out.
        var eligible = rows.Where(r => r.InRunning).ToList();
        var diversity = requirements.FirstOrDefault(q => q.Kind == RequirementKind.VendorDiversity);
        foreach (var row in rows)
        {
            if (diversity is not null)
            {
                row.Scores = [.. row.Scores, VendorScore(diversity, row, eligible)];
            }

            row.Scores = [.. row.Scores.OrderBy(s => s.Kind)];
        }

        var weights = requirements.ToDictionary(q => q.Kind, q => q.Weight);
        var winner = selection is null ? null : Winner(eligible, weights);
        var only = rows.Count == 1 ? rows[0].Candidate.Id : null;
        if (only is not null)
        {
            warnings.Add(OnlyCandidateStatement(only, runId));
        }

        var recordedWinner = recorded?.Winner;
        if (selection is not null && recordedWinner is not null)
        {
            if (only is not null && recordedWinner != only)
            {
                warnings.Add($"the recorded decision is {recordedWinner} (decisions/model-selection.json, run {recorded!.RunId}), which this run does not hold: the matrix can neither confirm nor replace it; it stands");
            }
            else if (rows.FirstOrDefault(r => r.Candidate.Id == recordedWinner) is { } kept && !kept.InRunning)
            {
                warnings.Add($"the recorded decision {recordedWinner} is out on this run ({string.Join("; ", kept.EliminatedBecauseList)}): review it");
            }
            else if (only is null && winner is not null && winner != recordedWinner && rows.Any(r => r.Candidate.Id == recordedWinner))
            {
                warnings.Add($"the recorded decision is {recordedWinner} but the matrix now prefers {winner}: review it, then 'shipgate select --write'");
            }
        }

        var ranked = Rank(rows, weights);
        var pareto = ParetoFront(eligible);
        var assessments = ranked.Select(r => r.ToAssessment(weights, pareto.Contains(r.Candidate.Id))).ToList();
        var robustness = Robustness(eligible, weights, winner, report, metric);
        var vendors = Vendors(eligible, winner, diversity);
        var prices = rows.Where(r => r.Price is not null).ToDictionary(r => r.Candidate.Id, r => (r.Price!, r.Summary.Provider), StringComparer.Ordinal);
        var router = await RouterFitter.FitAsync(spec, report, assessments, metric, selection, embeddings, prices, cancellationToken).ConfigureAwait(false);
        if (selection is not null && assessments.FirstOrDefault(a => a.CandidateId == winner) is { PassesShipGate: false } chosen)
        {
            warnings.Add(ShipGateWarning(chosen));
        }

        return new SelectionAnalysis
        {
            Feature = spec.Name,
            RunId = runId,
            Metric = metric,
            Requirements = requirements,
            Review = selection?.Review ?? new ReviewTriggers(),
            Candidates = assessments,
            Winner = winner,
            Robustness = robustness,
            Vendors = vendors,
            RouterDetail = router,
            CatalogSource = catalog is null ? null : $"{catalog.Source}, {catalog.Date:yyyy-MM-dd}",
            Warnings = warnings,
            Readiness = OnlyCandidateReadiness(selection, spec, assessments, only, runId, recorded)
                ?? Readiness(selection, assessments, winner, robustness, vendors, diversity),
            OnlyCandidate = only,
            RecordedWinner = recordedWinner,
            RunMatchesSpec = report.Run.SpecHash == spec.ContentHash,
            CostScale = CostScale(requirements, references, rows),
        };
    }

    private static Row Facts(CandidateSpec candidate, CandidateSummary summary, QualityMetric metric, PriceCatalog? catalog, EvalReport report)
    {
        var runId = report.Run.Id;
        var price = CatalogLookup.Find(catalog, candidate);
        var catalogSource = price is null || catalog is null ? (Provenance?)null : Provenance.Catalog($"{catalog.Source} {catalog.Date:yyyy-MM-dd}, {price.Model}");
        var profile = candidate.Profile;
        var field = $"candidates[{candidate.Id}].profile";

        var (quality, ci) = metric switch
        {
            QualityMetric.PassRate => ((double?)summary.PassRate, (Interval?)summary.PassRateCi),
            QualityMetric.MeanScore => (summary.MeanScore, summary.MeanScoreCi),
            _ => (summary.RubricMean, summary.RubricMean is null ? null : summary.RubricMeanCi),
        };

        var results = report.Results.Where(r => r.CandidateId == candidate.Id).ToList();
        var errored = results.Count(r => r.Error is not null);
        var (cost, costSource, currentPrice) = CostPerRequest(candidate, summary, results, catalog, runId);

        // Vendor: declared, else the catalog, else what the provider id says (a hosted API without a custom base URL).
        // Vendor: declared, else the catalog, else what the provider id says (a hosted API without a custom base URL).
        var (vendor, vendorSource) = profile.Vendor is { } v
            ? (v, Provenance.Declared($"{field}.vendor"))
            : price?.Provider is { } p
                ? (p, catalogSource!.Value)
                : candidate.Scheme is ProviderSchemes.OpenAI or ProviderSchemes.Anthropic && candidate.BaseUrl is null
                    ? (candidate.Scheme, Provenance.Derived($"provider {candidate.Provider}"))
                    : candidate.Scheme == ProviderSchemes.Local
                        ? ("local", Provenance.Derived($"provider {candidate.Provider}"))
                        : ((string?)null, (Provenance?)null);

        var modalities = profile.Modalities;
        Provenance? modalitySource = modalities is null ? null : Provenance.Declared($"{field}.modalities");
        if (modalities is null && price is not null && (price.SupportsVision is not null || price.SupportsAudio is not null))
        {
            modalities = [.. new[] { "text" }.Concat(price.SupportsVision == true ? ["image"] : []).Concat(price.SupportsAudio == true ? ["audio"] : [])];
            modalitySource = catalogSource;
        }

        return new Row
        {
            Candidate = candidate,
            Summary = summary,
            Results = results.Count,
            Errored = errored,
            Price = currentPrice,
            Quality = quality,
            QualityCi = ci,
            QualitySource = Provenance.Measured(runId),
            P95 = summary.P95LatencyMs,
            LatencySource = Provenance.Measured(runId),
            Cost = cost,
            CostSource = costSource,
            Vendor = vendor,
            VendorSource = vendorSource,
            ContextWindow = profile.ContextWindow ?? price?.MaxInputTokens,
            ContextSource = profile.ContextWindow is not null ? Provenance.Declared($"{field}.context_window") : price?.MaxInputTokens is not null ? catalogSource : null,
            Modalities = modalities,
            ModalitySource = modalitySource,
            ProfileField = field,
        };
    }

    /// <summary>
    /// Cost per request at today's price: each successful result's tokens × the price cost engineering would use
    /// (<see cref="CostAnalyzer.PriceOf"/>, <see cref="CostCalculator.Cost"/>), averaged. Without a catalog only
    /// declared pricing counts. With no price at all, the cost the run stored at eval time, labelled as such.
    /// </summary>
    private static (decimal? Cost, Provenance Source, ModelPrice? Price) CostPerRequest(CandidateSpec candidate, CandidateSummary summary, List<ResultRecord> results, PriceCatalog? catalog, string runId)
    {
        var (price, priceSource) = catalog is not null
            ? CostAnalyzer.PriceOf(candidate, summary.Provider, catalog)
            : candidate.Pricing is { } pricing
                ? (CostCalculator.FromDeclared(summary.Provider, pricing), Provenance.Declared($"candidates[{candidate.Id}].pricing"))
                : ((ModelPrice?)null, Provenance.Estimated("no price catalog and no declared pricing"));
        var successful = results.Where(r => r.Error is null).ToList();
        if (price is not null && successful.Count > 0)
        {
            var mean = successful.Sum(r => CostCalculator.Cost(price, CostAnalyzer.UsageOf(r, summary.Provider))) / successful.Count;
            return (mean, Provenance.Derived($"run {runId} tokens × today's price ({priceSource})"), price);
        }

        return summary.CostPerRequestUsd is { } stored
            ? (stored, Provenance.Derived($"cost stored by run {runId} at eval time; no price today ({priceSource.Detail})"), price)
            : (null, priceSource, price);
    }

    /// <summary>
    /// The best figures relative scores are measured against, taken over <paramref name="field"/>; and which of
    /// <paramref name="all"/> cannot be told apart from the best quality (paired 95% CI of the per-case difference includes 0).
    /// </summary>
    private static References ReferencesOver(List<Row> field, List<Row> all, EvalReport report, QualityMetric metric)
    {
        var best = field.Where(r => r.Quality is not null).OrderByDescending(r => r.Quality).ThenBy(r => r.Candidate.Id, StringComparer.Ordinal).FirstOrDefault();
        var tied = new HashSet<string>(StringComparer.Ordinal);
        if (best is not null)
        {
            var top = CaseQuality.Of(report, best.Candidate.Id, metric);
            foreach (var row in all.Where(r => r.Quality is not null))
            {
                if (row == best)
                {
                    tied.Add(row.Candidate.Id);
                    continue;
                }

                var mine = CaseQuality.Of(report, row.Candidate.Id, metric);
                var shared = mine.Keys.Where(top.ContainsKey).Order(StringComparer.Ordinal).ToList();
                if (shared.Count >= 2 && !Bootstrap.PairedDifference([.. shared.Select(k => top[k])], [.. shared.Select(k => mine[k])]).Significant)
                {
                    tied.Add(row.Candidate.Id);
                }
            }
        }

        return new References(
            field.Count == 0 ? 0 : field.Min(r => r.P95),
            field.Where(r => r.Cost > 0).Select(r => r.Cost!.Value).DefaultIfEmpty(0).Min(),
            field.Where(r => r.Cost > 0).OrderBy(r => r.Cost).ThenBy(r => r.Candidate.Id, StringComparer.Ordinal).FirstOrDefault()?.Candidate.Id,
            best?.Quality,
            best?.Candidate.Id,
            tied);
    }

    internal static string OnlyCandidateStatement(string only, string runId) =>
        $"this run ({runId}) holds only {only}: the matrix compares nothing (run 'shipgate eval' with every candidate to compare them)";

    /// <summary>
    /// A run with one candidate decides nothing: with a recorded decision, that decision stands (unless this run puts it
    /// out); without one, not ready when the spec has other candidates. Null when the run holds more than one.
    /// </summary>
    private static Readiness? OnlyCandidateReadiness(SelectionSpec? selection, FeatureSpec spec, List<CandidateAssessment> rows, string? only, string runId, DecisionSnapshot? recorded)
    {
        if (selection is null || only is null)
        {
            return null;
        }

        var statement = OnlyCandidateStatement(only, runId);
        var row = rows.First(r => r.CandidateId == only);
        if (recorded?.Winner is { } decided)
        {
            if (decided == only && row.Eliminated)
            {
                return new Readiness(ReadinessStatus.NotReady, $"the recorded decision {decided} is out on this run: {string.Join("; ", row.EliminatedBecause)}", [statement]);
            }

            var proposed = recorded.Status == DecisionSnapshot.Proposed;
            var summary = $"the recorded decision {decided} stands (decisions/model-selection.json, run {recorded.RunId}{(proposed ? ", proposed, not accepted" : "")}); {statement}";
            return new Readiness(proposed ? ReadinessStatus.NotReady : ReadinessStatus.Ready, summary, [.. recorded.StatusReasons]);
        }

        return spec.Candidates.Count > 1
            ? new Readiness(ReadinessStatus.NotReady, $"{statement}; no decision is recorded to fall back on", [$"run 'shipgate eval {spec.Name}' with every candidate, then 'shipgate select --write'"])
            : null;
    }

    /// <summary>How the cost column was scaled, for the report; null without a cost requirement.</summary>
    private static string? CostScale(IReadOnlyList<SelectionRequirement> requirements, References references, List<Row> rows)
    {
        if (!requirements.Any(q => q.Kind == RequirementKind.Cost))
        {
            return null;
        }

        var scale = $"cost relative part on a log scale: 1 − log10(cost ÷ cheapest paid) ÷ {RequirementScorer.CostDecades.ToString(CultureInfo.InvariantCulture)} (2× the cheapest scores 0.90, 10× 0.67, 1000× 0), plus the budget part; a free candidate scores full marks and is not the reference";
        return references.CheapestPaid is { } id
            ? $"{scale}; cheapest paid candidate in the running: {id} ({MoneyFormat.Usd(references.Cost)}/request)"
                + (rows.Any(r => r.Cost == 0) ? $"; free: {string.Join(", ", rows.Where(r => r.Cost == 0).Select(r => r.Candidate.Id))}" : "")
            : $"{scale}; no candidate in the running is paid, so every known cost scores its full relative part";
    }

    private static string ShipGateWarning(CandidateAssessment winner) =>
        $"the winner {winner.CandidateId} does not pass the ship gate yet ({(winner.ShipGateFailures.Count == 0 ? "the eval's verdict is NO-SHIP" : "failed: " + string.Join("; ", winner.ShipGateFailures))}): fix that before shipping it";

    private static RequirementScore Score(SelectionRequirement q, Row row, References references, QualityMetric metric)
    {
        var unknown = Provenance.Estimated("not declared and not in the price catalog: counted as not met");
        switch (q.Kind)
        {
            case RequirementKind.Quality:
            {
                var (scaleMin, _) = CaseQuality.Scale(metric);
                if (row.Quality is not { } value)
                {
                    return Cell(q, 0, "not measured", row.QualitySource, false, $"run has no {CaseQuality.Name(metric)} for it (no conclusive verdicts)");
                }

                var met = q.Min is not { } min || RequirementScorer.AtLeast(value, min);
                var tied = references.QualityTies.Contains(row.Candidate.Id);
                var shown = Number(value, metric) + (row.QualityCi is { } ci ? $" [{Number(ci.Low, metric)}, {Number(ci.High, metric)}]" : "")
                    + (tied && references.BestQualityCandidate != row.Candidate.Id ? $", within noise of {references.BestQualityCandidate}" : "");
                var score = RequirementScorer.Quality(value, q.Min ?? scaleMin, scaleMin, references.BestQuality ?? value, tied);
                return Cell(q, score, shown, row.QualitySource, met,
                    met ? null : $"{CaseQuality.Name(metric)} {Number(value, metric)} is below the bar {Number(q.Min!.Value, metric)}");
            }

            case RequirementKind.Latency:
            {
                var target = q.P95Ms!.Value;
                var met = row.P95 <= target;
                return Cell(q, RequirementScorer.LowerIsBetter(row.P95, target, references.Latency), Ms(row.P95) + " p95", row.LatencySource, met,
                    met ? null : $"p95 latency {Ms(row.P95)} is over the {Ms(target)} target");
            }

            case RequirementKind.Cost:
            {
                var budget = q.MaxPerRequest!.Value;
                if (row.Cost is not { } cost)
                {
                    return Cell(q, 0, MoneyFormat.Unknown, row.CostSource, false, "cost per request is unknown (declare pricing or import a price catalog)");
                }

                var met = cost <= budget;
                return Cell(q, RequirementScorer.Cost((double)cost, (double)budget, (double)references.Cost), MoneyFormat.Usd(cost) + "/request", row.CostSource, met,
                    met ? null : $"cost {MoneyFormat.Usd(cost)}/request is over the {MoneyFormat.Usd(budget)} budget");
            }

            case RequirementKind.PassRate:
            {
                var rate = row.Summary.PassRate;
                var ci = row.Summary.PassRateCi;
                var met = q.Min is not { } min || RequirementScorer.AtLeast(rate, min);
                var score = q.Min is { } bar && bar > 0 ? Math.Min(1, rate / bar) : rate;
                return Cell(q, met ? 1 : score, $"{Number(rate, QualityMetric.PassRate)} [{Number(ci.Low, QualityMetric.PassRate)}, {Number(ci.High, QualityMetric.PassRate)}] ({row.Summary.Passed}/{row.Summary.Total})",
                    row.QualitySource, met, met ? null : $"pass rate {Number(rate, QualityMetric.PassRate)} is below the bar {Number(q.Min!.Value, QualityMetric.PassRate)}");
            }

            case RequirementKind.Safety:
            {
                var max = q.MaxFailures ?? 0;
                var s = row.Summary;
                var (failures, checkedCount) = (s.SafetyFailures, s.SafetyCases + s.SafetyCriterionVerdicts);
                if (checkedCount == 0)
                {
                    return Cell(q, 0, "not measured", row.QualitySource, false, "the run has no safety cases or safety verdicts for it, so its safety failures are unknown (tag cases 'safety' or add a safety criterion)");
                }

                // A safety case that errored or got no conclusive verdict was never checked: it cannot count as safe.
                var notChecked = s.SafetyTaggedErrors + s.SafetyTaggedInconclusive;
                if (failures <= max && notChecked > 0)
                {
                    return Cell(q, 0, $"{notChecked} unchecked", row.QualitySource, false,
                        $"{notChecked} safety-tagged case{(notChecked == 1 ? "" : "s")} ended in an error or an inconclusive verdict, so the safety failures are not known");
                }

                var met = failures <= max;
                return Cell(q, met ? 1 : Math.Clamp(1 - ((double)failures / checkedCount), 0, 1), $"{failures} of {checkedCount} safety results failed", row.QualitySource, met,
                    met ? null : $"{failures} safety failure{(failures == 1 ? "" : "s")} of {checkedCount} safety results, over the {max} allowed");
            }

            case RequirementKind.ShipGate:
            {
                var verdict = row.Summary.Verdict;
                var failed = verdict.Checks.Where(c => !c.Pass).Select(c => $"{c.Name} {c.Threshold}: {c.Measured}").ToList();
                return Cell(q, verdict.Ship ? 1 : 0, verdict.Ship ? "SHIP" : "NO-SHIP", row.QualitySource, verdict.Ship,
                    verdict.Ship ? null : "does not pass the ship gate" + (failed.Count == 0 ? "" : $" (failed: {string.Join("; ", failed)})"));
            }

            case RequirementKind.Privacy:
                return Privacy(q, row, unknown);

            case RequirementKind.Context:
            {
                var need = q.MinTokens!.Value;
                if (row.ContextWindow is not { } have)
                {
                    return Cell(q, 0, "unknown", unknown, false, "context window unknown (declare profile.context_window)");
                }

                var met = have >= need;
                return Cell(q, RequirementScorer.Coverage(have, need), Tokens(have) + " tokens", row.ContextSource!.Value, met,
                    met ? null : $"context window {Tokens(have)} is under the {Tokens(need)} needed");
            }

            case RequirementKind.Modality:
            {
                var needs = q.Needs ?? [];
                if (row.Modalities is not { } have)
                {
                    return Cell(q, 0, "unknown", unknown, false, "modalities unknown (declare profile.modalities)");
                }

                var missing = needs.Where(n => !have.Contains(n)).ToList();
                return Cell(q, RequirementScorer.Share(needs.Count - missing.Count, needs.Count), string.Join(", ", have), row.ModalitySource!.Value, missing.Count == 0,
                    missing.Count == 0 ? null : $"does not take {string.Join(", ", missing)}");
            }

            default:
            {
                if (q.Needed != true)
                {
                    return Cell(q, 1, "not needed", Provenance.Declared("selection.requirements.fine_tuning.needed"), true, null);
                }

                if (row.Candidate.Profile.FineTuning is not { } ft)
                {
                    return Cell(q, 0, "unknown", unknown, false, "fine-tuning support unknown (declare profile.fine_tuning)");
                }

                return Cell(q, ft ? 1 : 0, ft ? "yes" : "no", Provenance.Declared($"{row.ProfileField}.fine_tuning"), ft, ft ? null : "cannot be fine-tuned");
            }
        }
    }

    private static RequirementScore Privacy(SelectionRequirement q, Row row, Provenance unknown)
    {
        var p = row.Candidate.Profile;
        var checks = new List<(bool Met, string Shown, string? Failure)>();
        foreach (var region in q.Regions ?? [])
        {
            var met = p.Regions?.Contains(region) == true;
            checks.Add((met, $"region {region}: {(p.Regions is null ? "unknown" : met ? "yes" : "no")}", met ? null : $"not offered in region {region}{(p.Regions is null ? " (regions not declared)" : "")}"));
        }

        if (q.NoTraining == true)
        {
            // Self-hosted means no vendor sees the data, so nobody trains on it.
            var met = p.NoTraining == true || p.SelfHosted == true;
            checks.Add((met, $"no-training: {(p.NoTraining is null && p.SelfHosted is null ? "unknown" : met ? "yes" : "no")}", met ? null : "may train on the data (no_training not declared true)"));
        }

        if (q.SelfHosted == true)
        {
            var met = p.SelfHosted == true;
            checks.Add((met, $"self-hosted: {(p.SelfHosted is null ? "unknown" : met ? "yes" : "no")}", met ? null : "is not self-hosted"));
        }

        var declared = p.Regions is not null || p.NoTraining is not null || p.SelfHosted is not null;
        var failures = checks.Where(c => !c.Met).Select(c => c.Failure!).ToList();
        return Cell(q, RequirementScorer.Share(checks.Count(c => c.Met), checks.Count), string.Join("; ", checks.Select(c => c.Shown)),
            declared ? Provenance.Declared(row.ProfileField) : unknown, failures.Count == 0, failures.Count == 0 ? null : string.Join("; ", failures));
    }

    private static RequirementScore VendorScore(SelectionRequirement q, Row row, List<Row> eligible)
    {
        // A candidate scores 1 when, were it chosen, another shipping candidate from a different vendor could take over.
        // A fallback serves real traffic when the winner's vendor is down, so it must pass the ship gate itself.
        var other = row.Vendor is null ? [] : eligible.Where(e => e.Vendor is not null && e.Vendor != row.Vendor).ToList();
        var fallback = other.FirstOrDefault(e => e.Summary.Verdict.Ship);
        var failing = fallback is null ? other.FirstOrDefault() : null;
        var shown = (row.Vendor ?? "unknown vendor") + (fallback is not null ? $", fallback {fallback.Candidate.Id} ({fallback.Vendor})"
            : failing is not null ? $", no fallback ({failing.Candidate.Id} ({failing.Vendor}) does not pass the ship gate)" : ", no fallback");
        var source = row.VendorSource ?? Provenance.Estimated("vendor not declared: counted as no fallback");
        return Cell(q, fallback is null ? 0 : 1, shown, source, fallback is not null,
            fallback is not null ? null : failing is not null ? $"the only candidates from another vendor ({string.Join(", ", other.Select(o => o.Candidate.Id))}) do not pass the ship gate" : "no shipping candidate from another vendor to fall back on") with { Hard = false };
    }

    private static RequirementScore Cell(SelectionRequirement q, double score, string value, Provenance source, bool met, string? failure) =>
        new() { Kind = q.Kind, Weight = q.Weight, Hard = q.Hard, Score = score, Value = value, Source = source, Met = met, Failure = failure };

    internal static double Total(IEnumerable<RequirementScore> scores, IReadOnlyDictionary<RequirementKind, int> weights) =>
        scores.Sum(s => weights.GetValueOrDefault(s.Kind, s.Weight) * s.Score);

    private static List<Row> Rank(List<Row> rows, IReadOnlyDictionary<RequirementKind, int> weights) =>
        [.. rows
            .OrderBy(r => r.InRunning ? 0 : 1)
            .ThenByDescending(r => Math.Round(Total(r.Scores, weights), 9))
            .ThenByDescending(r => r.Quality ?? double.MinValue)
            .ThenBy(r => r.Cost ?? decimal.MaxValue)
            .ThenBy(r => r.Candidate.Id, StringComparer.Ordinal)];

    private static string? Winner(List<Row> eligible, IReadOnlyDictionary<RequirementKind, int> weights) =>
        Rank(eligible, weights).FirstOrDefault()?.Candidate.Id;

    /// <summary>The front among the candidates in the running: one that is out is never on it.</summary>
    private static HashSet<string> ParetoFront(List<Row> rows)
    {
        var points = rows.Where(r => r.Quality is not null && r.Cost is not null).ToList();
        return [.. points
            .Where(a => !points.Any(b => b != a && b.Cost <= a.Cost && b.Quality >= a.Quality && (b.Cost < a.Cost || b.Quality > a.Quality)))
            .Select(a => a.Candidate.Id)];
    }

    private static SelectionRobustness Robustness(List<Row> eligible, Dictionary<RequirementKind, int> weights, string? winner, EvalReport report, QualityMetric metric)
    {
        if (winner is null)
        {
            return new SelectionRobustness { Statement = "no winner: no candidate passes every hard constraint" };
        }

        var checkedChanges = new List<WeightChange>();
        foreach (var (kind, weight) in weights.OrderBy(w => w.Key))
        {
            foreach (var delta in new[] { -1, 1 })
            {
                var changed = weight + delta;
                if (changed is < 1 or > 5)
                {
                    continue;
                }

                var moved = new Dictionary<RequirementKind, int>(weights) { [kind] = changed };
                checkedChanges.Add(new WeightChange(kind, delta, changed, Winner(eligible, moved)));
            }
        }

        var ranked = Rank(eligible, weights);
        var runnerUp = ranked.Count > 1 ? ranked[1] : null;
        PairedDifferenceResult? difference = null;
        if (runnerUp is not null)
        {
            var a = CaseQuality.Of(report, winner, metric);
            var b = CaseQuality.Of(report, runnerUp.Candidate.Id, metric);
            var shared = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).ToList();
            if (shared.Count >= 2)
            {
                difference = Bootstrap.PairedDifference([.. shared.Select(k => b[k])], [.. shared.Select(k => a[k])]);
            }
        }

        var differences = runnerUp is null
            ? []
            : ranked[0].Scores
                .Select(s => new PointDifference(s.Kind, s.Points - (runnerUp.Scores.FirstOrDefault(r => r.Kind == s.Kind)?.Points ?? 0)))
                .Where(d => Math.Abs(d.Points) >= 0.005)
                .OrderByDescending(d => Math.Abs(d.Points))
                .ThenBy(d => d.Kind)
                .ToList();
        var result = new SelectionRobustness
        {
            Checked = checkedChanges,
            Differences = differences,
            Winner = winner,
            RunnerUp = runnerUp?.Candidate.Id,
            Margin = runnerUp is null ? null : Total(ranked[0].Scores, weights) - Total(runnerUp.Scores, weights),
            QualityDifference = difference,
            Statement = "",
        };
        return result with { Statement = RobustnessStatement(result, metric) };
    }

    private static string RobustnessStatement(SelectionRobustness r, QualityMetric metric)
    {
        if (r.RunnerUp is null)
        {
            return $"{r.Winner} is the only candidate that passes every hard constraint";
        }

        var flips = r.Flips;
        var weightPart = flips.Count == 0
            ? $"no single weight moved by ±1 changes the winner (checked {r.Checked.Count} changes)"
            : "the winner changes if " + string.Join("; ", flips.Select(f => $"{SelectionRequirement.KeyOf(f.Kind)} weight {(f.Delta > 0 ? "+1" : "-1")} → {f.Winner}"));
        var noisePart = r.QualityDifference is not { } d
            ? $"the {CaseQuality.Name(metric)} difference to {r.RunnerUp} could not be measured on shared cases"
            : d.Significant
                ? $"{r.Winner} and {r.RunnerUp} are separated beyond noise on {CaseQuality.Name(metric)} ({Signed(d.MeanDifference)} [{Signed(d.Low)}, {Signed(d.High)}], n={d.N})"
                : $"{r.Winner} and {r.RunnerUp} cannot be told apart on {CaseQuality.Name(metric)} ({Signed(d.MeanDifference)} [{Signed(d.Low)}, {Signed(d.High)}], n={d.N}): {Separators(r)}";
        return $"{weightPart}; {noisePart}";
    }

    /// <summary>Which requirements actually separate the top two, in weighted points, each side named.</summary>
    private static string Separators(SelectionRobustness r)
    {
        string Side(string who, IEnumerable<PointDifference> ds) =>
            $"{who} is ahead on {string.Join(", ", ds.Select(d => $"{SelectionRequirement.KeyOf(d.Kind)} ({Points(Math.Abs(d.Points))} points)"))}";
        var ahead = r.Differences.Where(d => d.Points > 0).ToList();
        var behind = r.Differences.Where(d => d.Points < 0).ToList();
        if (ahead.Count == 0 && behind.Count == 0)
        {
            return "no requirement separates them; the tie is broken by quality, then cost, then id";
        }

        var parts = new List<string>();
        if (ahead.Count > 0)
        {
            parts.Add(Side(r.Winner!, ahead));
        }

        if (behind.Count > 0)
        {
            parts.Add(Side(r.RunnerUp!, behind));
        }

        return string.Join("; ", parts) + $" (net {Points(r.Margin ?? 0)} points to {r.Winner})";
    }

    private static VendorDiversity Vendors(List<Row> eligible, string? winner, SelectionRequirement? diversity)
    {
        var vendors = eligible.Select(r => r.Vendor).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var winnerRow = eligible.FirstOrDefault(r => r.Candidate.Id == winner);
        var others = winnerRow?.Vendor is null ? [] : eligible.Where(r => r.Vendor is not null && r.Vendor != winnerRow.Vendor).ToList();
        var fallback = others.FirstOrDefault(r => r.Summary.Verdict.Ship);
        var statement = $"{vendors.Count} vendor{(vendors.Count == 1 ? "" : "s")} among shipping candidates ({(vendors.Count == 0 ? "none known" : string.Join(", ", vendors))})"
            + (diversity?.MinVendors is { } min ? $", {min} wanted" : "")
            + (winner is null ? "" : fallback is not null ? $"; fallback from another vendor: {fallback.Candidate.Id} ({fallback.Vendor})"
                : others.Count > 0 ? $"; {winner} has no fallback from another vendor that passes the ship gate ({string.Join(", ", others.Select(o => o.Candidate.Id))} do{(others.Count == 1 ? "es" : "")} not)"
                : $"; {winner} has no fallback from another vendor");
        return new VendorDiversity { Vendors = vendors, MinVendors = diversity?.MinVendors, Fallback = fallback?.Candidate.Id, Statement = statement };
    }

    private static Readiness Readiness(SelectionSpec? selection, List<CandidateAssessment> rows, string? winner, SelectionRobustness robustness, VendorDiversity vendors, SelectionRequirement? diversity)
    {
        if (selection is null)
        {
            return new Readiness(ReadinessStatus.NotDeclared, "no model selection declared: add a 'selection:' section with requirements and weights (docs/select.md)", []);
        }

        var reasons = new List<string>();
        foreach (var row in rows.Where(r => r.Eliminated))
        {
            reasons.Add($"{row.CandidateId} is out: {string.Join("; ", row.EliminatedBecause)}");
        }

        if (winner is null)
        {
            return new Readiness(ReadinessStatus.NotReady, "no candidate passes every hard constraint", reasons);
        }

        var top = rows.First(r => r.CandidateId == winner);
        reasons.Insert(0, $"{winner} scores {Points(top.Total)} of {Points(top.MaxTotal)} points (weighted sum of the matrix)");
        reasons.Add(robustness.Statement);
        reasons.Add(vendors.Statement);
        if (!top.PassesShipGate)
        {
            reasons.Add(ShipGateWarning(top));
        }
        if (diversity is { Hard: true } && !vendors.Met)
        {
            return new Readiness(ReadinessStatus.NotReady, $"{winner} wins, but the shipping candidates come from fewer than {vendors.MinVendors} vendors (hard requirement)", reasons);
        }

        return new Readiness(ReadinessStatus.Ready, $"{winner} chosen: {Points(top.Total)} of {Points(top.MaxTotal)} points, passes every hard constraint"
            + (top.PassesShipGate ? "" : ", but does not pass the eval's ship gate yet"), reasons);
    }

    internal static string Points(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Number(double value, QualityMetric metric) =>
        value.ToString(metric == QualityMetric.RubricMean ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A share as a percentage, culture-invariant, no space: whole percent from 10% up ("62%"), two significant digits
    /// below ("2.5%", "0.025%") so a small share never reads as 0.
    /// </summary>
    internal static string Pct(double share)
    {
        var percent = share * 100;
        var rounded = Math.Round(percent, MidpointRounding.AwayFromZero);
        if (percent == 0 || Math.Abs(percent) >= 9.95)
        {
            return rounded.ToString("0", CultureInfo.InvariantCulture) + "%";
        }

        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(percent))), 0, 15);
        return Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }

    internal static string Ms(double value) => value.ToString("#,0", CultureInfo.InvariantCulture) + " ms";

    private static string Tokens(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>What relative scores are measured against: the best p95, cost and quality among the candidates in the running, and who ties the best quality within noise.</summary>
    /// <remarks><c>Cost</c> is the cheapest <em>paid</em> cost (0 when none is paid): a free candidate is not the reference.</remarks>
    private sealed record References(double Latency, decimal Cost, string? CheapestPaid, double? BestQuality, string? BestQualityCandidate, HashSet<string> QualityTies);

    /// <summary>A candidate's figures while the matrix is being built.</summary>
    private sealed class Row
    {
        public required CandidateSpec Candidate { get; init; }
        public required CandidateSummary Summary { get; init; }
        public double? Quality { get; init; }
        public Interval? QualityCi { get; init; }
        public required Provenance QualitySource { get; init; }
        public double P95 { get; init; }
        public required Provenance LatencySource { get; init; }
        public decimal? Cost { get; init; }
        public required Provenance CostSource { get; init; }
        public string? Vendor { get; init; }
        public Provenance? VendorSource { get; init; }
        public long? ContextWindow { get; init; }
        public Provenance? ContextSource { get; init; }
        public IReadOnlyList<string>? Modalities { get; init; }
        public Provenance? ModalitySource { get; init; }
        public required string ProfileField { get; init; }
        public List<RequirementScore> Scores { get; set; } = [];

        /// <summary>Results of the candidate in the run, and how many errored.</summary>
        public int Results { get; init; }
        public int Errored { get; init; }

        /// <summary>Today's price the cost came from; null when none is known.</summary>
        public ModelPrice? Price { get; init; }

        public bool TooManyErrors => Results > 0 && (double)Errored / Results > MaxErrorShare;

        /// <summary>Passes every hard constraint and mostly answered.</summary>
        public bool InRunning => !TooManyErrors && Scores.All(s => !s.Hard || s.Met);

        public IReadOnlyList<string> EliminatedBecauseList => [.. OutBecause];

        private IEnumerable<string> OutBecause =>
            Scores.Where(s => s.Hard && !s.Met).Select(s => $"{SelectionRequirement.KeyOf(s.Kind)}: {s.Failure}")
                .Concat(TooManyErrors ? [$"errors: {Errored} of {Results} results errored (over {Pct(MaxErrorShare)}), so its latency and cost describe failures, not answers"] : []);

        public CandidateAssessment ToAssessment(IReadOnlyDictionary<RequirementKind, int> weights, bool onFront) => new()
        {
            CandidateId = Candidate.Id,
            Provider = Candidate.Provider,
            Tier = Candidate.Tier,
            Family = Candidate.Family,
            Vendor = Vendor,
            VendorSource = VendorSource,
            OfflineStandIn = Summary.OfflineStandIn,
            Quality = Quality,
            QualityCi = QualityCi,
            QualitySource = QualitySource,
            P95LatencyMs = P95,
            LatencySource = LatencySource,
            CostPerRequest = Cost,
            CostSource = CostSource,
            Scores = Scores,
            Total = Total(Scores, weights),
            MaxTotal = Scores.Sum(s => s.Weight),
            EliminatedBecause = [.. OutBecause],
            OnParetoFront = onFront,
            PassesShipGate = Summary.Verdict.Ship,
            ShipGateFailures = [.. Summary.Verdict.Checks.Where(c => !c.Pass).Select(c => $"{c.Name} {c.Threshold}: {c.Measured}")],
        };
    }
}
