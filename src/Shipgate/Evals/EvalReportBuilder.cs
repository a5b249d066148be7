using Shipgate.Calibration;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>Summarises a run's stored results per candidate, applies the ship gate and adds suite-level warnings.</summary>
public static class EvalReportBuilder
{
    /// <param name="spec">The feature as it is now: its gate judges the run. Null gates nothing (every candidate NO-SHIP).</param>
    /// <param name="calibration">Judge-vs-human agreement from the store's labels; null means none measured.</param>
    public static EvalReport Build(RunRecord run, IReadOnlyList<ResultRecord> results, FeatureSpec? spec, CalibrationStatus? calibration = null)
    {
        var gate = spec?.Gate ?? new ShipGateSpec();
        calibration ??= CalibrationStatus.None;
        var (minKappa, minLabels) = (gate.MinJudgeKappa ?? CriterionAgreement.DefaultMinimumKappa, gate.MinHumanLabels ?? CriterionAgreement.DefaultMinimumLabels);
        var perCandidate = run.CaseIds.Count * run.Repeats;
        var summaries = new List<CandidateSummary>();
        foreach (var planned in run.Candidates)
        {
            var mine = results.Where(r => r.CandidateId == planned.Id).ToList();
            var summary = Summarise(planned, mine) with
            {
                CalibrationStatement = calibration.Statement(minKappa, minLabels),
                JudgeCalibrated = calibration.Calibrated(minKappa, minLabels),
            };
            var pending = Math.Max(0, perCandidate - mine.Count);
            summaries.Add(summary with { Verdict = ShipGate.Evaluate(gate, summary, pending) });
        }

        return new EvalReport
        {
            Run = run,
            Candidates = summaries,
            Results = results,
            Warnings = SuiteWarnings(run, results, spec),
            Pending = Math.Max(0, run.PlannedCount - results.Count),
        };
    }

    private static CandidateSummary Summarise(PlannedCandidate planned, List<ResultRecord> rs)
    {
        var passed = rs.Count(r => r.Pass);
        var errors = rs.Count(r => r.Error is not null);
        var scores = rs.Select(r => r.Score).ToList();
        var (passLow, passHigh) = Proportion.Wilson(passed, rs.Count);
        var (scoreLow, scoreHigh) = scores.Count == 0 ? (0, 0) : Bootstrap.MeanInterval(scores);
        var latencies = rs.Where(r => r.Error is null).Select(r => r.LatencyMs).ToArray();
        Array.Sort(latencies);
        var rubric = RubricFigures.Of(rs);
        var grounded = HallucinationFigures.Of(rs);
        var safety = rs.Where(r => r.Tags.Contains(CaseTags.Safety, StringComparer.OrdinalIgnoreCase) || RubricFigures.HasSafetyCriterion(r)).ToList();
        var priced = rs.Where(r => r.Error is null).ToList();
        var costKnown = priced.Count > 0 && priced.All(r => r.CostUsd is not null);
        decimal? total = costKnown ? priced.Sum(r => r.CostUsd!.Value) : null;
        return new CandidateSummary
        {
            CandidateId = planned.Id,
            Provider = planned.Provider,
            OfflineStandIn = ProviderLabels.IsOfflineStandIn(planned.Provider.Split(':', 2)[0]),
            Total = rs.Count,
            Passed = passed,
            Failed = rs.Count - passed,
            Errors = errors,
            PassRate = rs.Count == 0 ? 0 : (double)passed / rs.Count,
            PassRateCi = new Interval(passLow, passHigh),
            MeanScore = scores.Count == 0 ? 0 : scores.Average(),
            MeanScoreCi = new Interval(scoreLow, scoreHigh),
            SafetyCases = safety.Count,
            SafetyFailures = safety.Count(r => (!r.Pass && r.Tags.Contains(CaseTags.Safety, StringComparer.OrdinalIgnoreCase)) || RubricFigures.SafetyCriterionFailed(r)),
            P50LatencyMs = latencies.Length == 0 ? 0 : Quantiles.Sorted(latencies, 0.50),
            P95LatencyMs = latencies.Length == 0 ? 0 : Quantiles.Sorted(latencies, 0.95),
            InputTokens = rs.Sum(r => r.InputTokens),
            OutputTokens = rs.Sum(r => r.OutputTokens),
            CachedInputTokens = rs.Sum(r => r.CachedInputTokens),
            TotalCostUsd = total,
            CostPerRequestUsd = total is { } t && priced.Count > 0 ? t / priced.Count : null,
            FromCache = rs.Count(r => r.FromCache),
            RubricJudged = rubric.Means.Count,
            RubricMean = rubric.Means.Count == 0 ? null : rubric.Means.Average(),
            RubricMeanCi = rubric.Means.Count == 0 ? default : new Interval(rubric.Low, rubric.High),
            RubricVerdicts = rubric.Verdicts,
            RubricInconclusive = rubric.Inconclusive,
            SafetyCriterionFailures = rs.Count(RubricFigures.SafetyCriterionFailed),
            Judges = rubric.Judges,
            JudgeReferenceBased = rubric.ReferenceBased,
            JudgeInputTokens = rubric.InputTokens,
            JudgeOutputTokens = rubric.OutputTokens,
            JudgeCostUsd = rubric.CostUsd,
            GroundednessChecked = grounded.Checked,
            Hallucinated = grounded.Hallucinated,
            GroundednessInconclusive = grounded.Inconclusive,
            HallucinationRate = grounded.Rate,
            HallucinationRateCi = grounded.Ci,
            HallucinationUpperBound = grounded.ZeroUpperBound,
            GroundednessApproximate = grounded.Approximate,
            Verdict = new GateVerdict(false, [], []),
        };
    }

    private static List<string> SuiteWarnings(RunRecord run, IReadOnlyList<ResultRecord> results, FeatureSpec? spec)
    {
        var warnings = new List<string>();
        var completed = results.Where(r => r.Error is null).ToList();
        if (completed.Count > 0 && run.Candidates.Count > 0)
        {
            // The framework's two named mistakes: a suite everything passes proves nothing; one nothing passes stalls shipping.
            if (completed.All(r => r.Pass))
            {
                warnings.Add("suite may be too easy: every case passed on every candidate; add edge and adversarial cases a weaker answer fails");
            }
            else if (completed.All(r => !r.Pass))
            {
                warnings.Add("suite may be too hard: no case passed on any candidate; check the assertions against a known-good answer");
            }
        }

        if (run.CaseIds.Count < 50)
        {
            warnings.Add($"the suite has {run.CaseIds.Count} cases; the eval-first framework asks for 50-100 across happy path, edge and adversarial");
        }

        if (spec is not null)
        {
            var tags = spec.Cases.SelectMany(c => c.Tags).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = new[] { CaseTags.Happy, CaseTags.Edge, CaseTags.Adversarial }.Where(t => !tags.Contains(t)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add($"no cases tagged {string.Join(", ", missing)}: cover happy path, edge and adversarial inputs");
            }

            var bare = spec.Cases.Count(c => c.Assertions.Count == 0);
            if (bare > 0 && spec.DefaultAssertions.Count == 0)
            {
                warnings.Add($"{bare} cases have no assertions and always pass; give each case at least one check");
            }

            if (!string.IsNullOrEmpty(run.SpecHash) && run.SpecHash != spec.ContentHash)
            {
                warnings.Add("the spec or its files changed since this run; the gate shown is today's");
            }
        }

        if (run.Candidates.Any(c => ProviderLabels.IsOfflineStandIn(c.Provider.Split(':', 2)[0])))
        {
            warnings.Add("local:* candidates are offline stand-ins (no model is called): use them as a baseline, not as the feature's real quality");
        }

        return warnings;
    }
}
