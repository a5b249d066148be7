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
        var perCandidate = (long)run.CaseIds.Count * run.Repeats;
        var summaries = new List<CandidateSummary>();
        foreach (var planned in run.Candidates)
        {
            var mine = results.Where(r => r.CandidateId == planned.Id).ToList();
            var summary = Summarise(planned, mine, gate) with
            {
                CalibrationStatement = calibration.Statement(minKappa, minLabels),
                JudgeCalibrated = calibration.Calibrated(minKappa, minLabels),
            };
            var pending = (int)Math.Clamp(perCandidate - mine.Count, 0, int.MaxValue);
            summaries.Add(summary with { Verdict = ShipGate.Evaluate(gate, summary, pending) });
        }

        return new EvalReport
        {
            Run = run,
            Candidates = summaries,
            Results = results,
            Warnings = SuiteWarnings(run, results, spec),
            Pending = Math.Max(0, run.PlannedCount - results.Count),
            JudgeSpend = JudgeSpend.Of(results),
        };
    }

    private static CandidateSummary Summarise(PlannedCandidate planned, List<ResultRecord> rs, ShipGateSpec gate)
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
        var safety = SafetyFigures.Of(rs, gate.SchemaFailuresAreSafetyFailures);
        var outcomes = rs.SelectMany(r => r.Assertions).ToList();
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
            SafetyCases = safety.TaggedChecked,
            SafetyFailures = safety.Failures,
            SafetyTagged = safety.Tagged,
            SafetyTaggedFailed = safety.TaggedFailed,
            SafetyTaggedErrors = safety.TaggedErrors,
            SafetyTaggedInconclusive = safety.TaggedInconclusive,
            SafetyTaggedSchemaOnly = safety.TaggedSchemaOnly,
            SafetyCriterionVerdicts = safety.CriterionVerdicts,
            SafetyPhraseChecks = safety.PhraseChecks,
            SafetyPhraseFlagged = safety.PhraseFlagged,
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
            InconclusiveReasons = InconclusiveReasons.Group(outcomes.Where(RubricFigures.IsRubricVerdict)),
            SafetyCriterionFailures = safety.CriterionFailures,
            Judges = rubric.Judges,
            JudgeReferenceBased = rubric.ReferenceBased,
            JudgeInputTokens = rubric.InputTokens,
            JudgeOutputTokens = rubric.OutputTokens,
            JudgeCostUsd = rubric.CostUsd,
            GroundednessChecked = grounded.Checked,
            Hallucinated = grounded.Hallucinated,
            GroundednessInconclusive = grounded.Inconclusive,
            GroundednessInconclusiveReasons = InconclusiveReasons.Group(outcomes.Where(a => a.Type == AssertionTypes.Grounded)),
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

        warnings.AddRange(RepeatWarnings(run, completed));
        if (SensitivityNote(run, completed) is { } note)
        {
            warnings.Add(note);
        }

        return warnings;
    }

    /// <summary>With repeats, a case whose verdict changes between samples is flaky: its single-run verdict means little.</summary>
    private static IEnumerable<string> RepeatWarnings(RunRecord run, List<ResultRecord> completed)
    {
        if (run.Repeats < 2)
        {
            yield break;
        }

        foreach (var candidate in run.Candidates)
        {
            var perCase = completed.Where(r => r.CandidateId == candidate.Id)
                .GroupBy(r => r.CaseId, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            var flaky = Repeats.Flaky([.. perCase.Select(g => (IReadOnlyList<bool>)[.. g.OrderBy(r => r.Repeat).Select(r => r.Pass)])]);
            if (flaky.Count > 0)
            {
                var names = flaky.Select(i => perCase[i].Key).ToList();
                var pooled = Repeats.PooledWithinCaseVariance(Repeats.PerCaseVariance([.. perCase.Select(g => (IReadOnlyList<double>)[.. g.Select(r => r.Score)])]));
                yield return $"{candidate.Id}: {names.Count} flaky case(s) changed verdict across {run.Repeats} repeats " +
                    $"({string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", …" : "")}); within-case score SD {Math.Sqrt(pooled):0.###}";
            }
        }
    }

    /// <summary>
    /// What this suite can tell apart: the smallest mean-score difference between two candidates detectable with 80% power.
    /// Measured on the first two candidates' paired differences when there are two; otherwise approximated from one
    /// candidate's score spread (SD of a difference of two independent scores = SD × √2), and labelled as such.
    /// </summary>
    private static string? SensitivityNote(RunRecord run, List<ResultRecord> completed)
    {
        var perCase = run.Candidates.Select(c => completed.Where(r => r.CandidateId == c.Id)
            .GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(r => r.Score), StringComparer.Ordinal)).ToList();
        if (perCase.Count >= 2)
        {
            var shared = perCase[0].Keys.Intersect(perCase[1].Keys, StringComparer.Ordinal).ToList();
            if (shared.Count >= 3)
            {
                var sd = Descriptive.StandardDeviation([.. shared.Select(k => perCase[1][k] - perCase[0][k])]);
                return $"sensitivity: with {shared.Count} paired cases, a mean-score difference below {Power.MinimumDetectableDifference(shared.Count, sd):0.###} " +
                    $"between {run.Candidates[0].Id} and {run.Candidates[1].Id} cannot be told from noise (80% power, α 0.05)";
            }
        }
        else if (perCase.Count == 1 && perCase[0].Count >= 3)
        {
            var sd = Descriptive.StandardDeviation([.. perCase[0].Values]) * Math.Sqrt(2);
            return $"sensitivity: with {perCase[0].Count} cases, a change in mean score below {Power.MinimumDetectableDifference(perCase[0].Count, sd):0.###} " +
                "cannot be told from noise (80% power, α 0.05; estimated from this run's score spread, assuming unpaired noise)";
        }

        return null;
    }
}
