using System.Globalization;
using Shipgate.Cost;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>
/// Turns a candidate's measurements into SHIP / NO-SHIP, naming every threshold with the operator actually applied
/// and what was measured. Every comparison goes through <see cref="Thresholds"/>. Lost evidence (inconclusive judge
/// verdicts, unchecked safety cases) beyond the cap, or any when the sample is small, is "not enough evidence": NO-SHIP.
/// </summary>
internal static class ShipGate
{
    public static GateVerdict Evaluate(ShipGateSpec gate, CandidateSummary s, int pending)
    {
        var checks = new List<GateCheck>();
        var warnings = new List<string>();
        var cap = gate.MaxInconclusiveRate ?? ShipGateSpec.DefaultMaxInconclusiveRate;
        var minJudged = gate.MinJudged ?? ShipGateSpec.DefaultMinJudged;
        if (pending > 0)
        {
            checks.Add(new GateCheck("run complete", "all results", $"{pending} missing", false));
            warnings.Add($"{pending} results are missing; 'shipgate eval --resume' finishes the run");
        }

        if (gate.MinPassRate is { } minPass)
        {
            checks.Add(new GateCheck("pass rate", $"≥ {F(minPass)}", $"{F(s.PassRate)} {s.PassRateCi} ({s.Passed}/{s.Total})", s.Total > 0 && Thresholds.AtLeast(s.PassRate, minPass)));
            WarnIfStraddling(warnings, "pass rate", minPass, strict: false, s.PassRate, s.PassRateCi);
        }

        if (gate.MinMeanScore is { } minScore)
        {
            checks.Add(new GateCheck("mean score", $"≥ {F(minScore)}", $"{F(s.MeanScore)} {s.MeanScoreCi}", s.Total > 0 && Thresholds.AtLeast(s.MeanScore, minScore)));
            WarnIfStraddling(warnings, "mean score", minScore, strict: false, s.MeanScore, s.MeanScoreCi);
        }

        if (gate.RubricMeanBound is var (bound, strict))
        {
            var threshold = $"{(strict ? ">" : "≥")} {F(bound)}";
            if (s.RubricMean is { } rubricMean)
            {
                var lost = s.RubricInconclusive > 0 ? $"; {s.RubricInconclusive} inconclusive not counted" : "";
                checks.Add(new GateCheck("rubric mean", threshold, $"{Near(rubricMean, bound)} {s.RubricMeanCi} ({s.RubricJudged} judged{lost}; {JudgeNote(s)})", Clears(rubricMean, bound, strict)));
                WarnIfStraddling(warnings, "rubric mean", bound, strict, rubricMean, s.RubricMeanCi);
            }
            else
            {
                checks.Add(new GateCheck("rubric mean", threshold, s.RubricVerdicts == 0 ? "no rubric verdicts" : $"no conclusive verdict ({s.RubricInconclusive} inconclusive: {InconclusiveReasons.Describe(s.InconclusiveReasons)})", false));
            }
        }

        // Inconclusive verdicts shrink the sample a judged metric is measured on: capped by default, not only when declared.
        if (gate.MaxInconclusiveRate is not null || (gate.RubricMeanBound is not null && s.RubricVerdicts > 0))
        {
            var threshold = $"≤ {(gate.MaxInconclusiveRate is null ? $"{F(cap)} (default)" : F(cap))}; none below {minJudged} judged";
            if (s.RubricVerdicts == 0)
            {
                checks.Add(new GateCheck("inconclusive verdicts", threshold, "no rubric verdicts", false));
            }
            else
            {
                var judged = s.RubricVerdicts - s.RubricInconclusive;
                var measured = $"{F(s.InconclusiveRate)} ({s.RubricInconclusive}/{s.RubricVerdicts} rubric verdicts lost, {judged} judged)"
                    + (s.RubricInconclusive > 0 ? $": {InconclusiveReasons.Describe(s.InconclusiveReasons)}" : "");
                var problem = NotEnoughEvidence(judged, s.RubricInconclusive, cap, minJudged, "rubric verdicts");
                checks.Add(new GateCheck("inconclusive verdicts", threshold, problem is null ? measured : $"{problem}; {measured}", problem is null));
            }
        }

        if (gate.MaxHallucinationRate is { } maxHallucination)
        {
            checks.Add(HallucinationCheck(gate, s, maxHallucination, cap, minJudged, warnings));
        }

        if (gate.MinJudgeKappa is not null || gate.MinHumanLabels is not null)
        {
            // The framework's "human calibration": scores from a judge nobody checked are not a ship signal.
            checks.Add(new GateCheck(
                "judge calibration",
                $"κ ≥ {F(gate.MinJudgeKappa ?? Calibration.CriterionAgreement.DefaultMinimumKappa)} on ≥ {gate.MinHumanLabels ?? Calibration.CriterionAgreement.DefaultMinimumLabels} labels",
                s.CalibrationStatement,
                s.JudgeCalibrated));
        }

        if (gate.MaxSafetyFailures is { } maxSafety)
        {
            checks.Add(SafetyCheck(s, maxSafety, cap, minJudged, warnings));
        }

        if (gate.MaxP95LatencyMs is { } maxLatency)
        {
            var ok = s.Total > s.Errors;
            checks.Add(new GateCheck("p95 latency", $"≤ {maxLatency:0} ms", ok ? $"{s.P95LatencyMs:0} ms" : "no successful calls", ok && Thresholds.AtMost(s.P95LatencyMs, maxLatency)));
        }

        if (gate.MaxCostPerRequest is { } maxCost)
        {
            checks.Add(s.CostPerRequestUsd is { } cost
                ? new GateCheck("cost per request", $"≤ {MoneyFormat.Usd(maxCost)}", MoneyFormat.Usd(cost), cost <= maxCost)
                : new GateCheck("cost per request", $"≤ {MoneyFormat.Usd(maxCost)}", "unknown: declare pricing for this candidate", false));
        }

        if (gate.MaxErrorRate is { } maxErrors)
        {
            var rate = s.Total == 0 ? 0 : (double)s.Errors / s.Total;
            checks.Add(new GateCheck("error rate", $"≤ {F(maxErrors)}", $"{F(rate)} ({s.Errors}/{s.Total})", Thresholds.AtMost(rate, maxErrors)));
        }

        if (checks.Count == 0 || (checks.Count == 1 && pending > 0))
        {
            checks.Add(new GateCheck("gate declared", "at least one threshold", "none", false));
            warnings.Add("the spec declares no ship gate: add gate: thresholds (e.g. min_pass_rate, max_safety_failures) to shipgate.yaml");
        }

        return new GateVerdict(checks.All(c => c.Pass), checks, warnings);
    }

    /// <summary>How far the judge can be trusted, said plainly: reference-based stand-in, and never calibrated yet.</summary>
    internal static string JudgeNote(CandidateSummary s) =>
        (s.JudgeReferenceBased ? "reference-based judge, offline; " : "") + "judge " + s.CalibrationStatement;

    /// <summary>
    /// Null when enough evidence is left, else why not: more than <paramref name="cap"/> of it lost, or any lost while
    /// fewer than <paramref name="minSample"/> conclusive ones remain.
    /// </summary>
    internal static string? NotEnoughEvidence(int conclusive, int lost, double cap, int minSample, string what)
    {
        if (lost == 0)
        {
            return null;
        }

        var rate = (double)lost / (conclusive + lost);
        if (!Thresholds.AtMost(rate, cap))
        {
            return $"not enough evidence: {lost} of {conclusive + lost} {what} lost ({P(rate)}, more than the {P(cap)} cap)";
        }

        return conclusive < minSample
            ? $"not enough evidence: {lost} {what} lost with only {conclusive} conclusive (fewer than {minSample}, gate.min_judged)"
            : null;
    }

    private static GateCheck HallucinationCheck(ShipGateSpec gate, CandidateSummary s, double max, double cap, int minJudged, List<string> warnings)
    {
        var measured = HallucinationFigures.Describe(s) ?? "no grounded verdicts";
        if (s.GroundednessInconclusive > 0 && s.GroundednessInconclusiveReasons.Count > 0)
        {
            measured += $"; lost: {InconclusiveReasons.Describe(s.GroundednessInconclusiveReasons)}";
        }

        var within = s.GroundednessChecked > 0 && Thresholds.AtMost(s.HallucinationRate, max);
        var problems = new List<string>();
        if (NotEnoughEvidence(s.GroundednessChecked, s.GroundednessInconclusive, cap, minJudged, "groundedness verdicts") is { } lost)
        {
            problems.Add(lost);
        }

        if (s.GroundednessChecked > 0 && s.GroundednessApproximate && !gate.AllowApproximateGroundedness)
        {
            // The offline check is blind to wrong numbers and negations; it can inform, not clear, the gate.
            problems.Add("approximate check only: not enough evidence (set gate.allow_approximate_groundedness: true to accept it)");
        }

        var upper = s.HallucinationUpperBound ?? s.HallucinationRateCi.High;
        if (within && problems.Count == 0 && !Thresholds.AtMost(upper, max))
        {
            warnings.Add($"hallucination rate {F(s.HallucinationRate)} is within {F(max)} but the true rate may be up to {F(upper)} (95%): more cases would make the verdict firm");
        }

        return new GateCheck("hallucination rate", $"≤ {F(max)}", problems.Count == 0 ? measured : $"{string.Join("; ", problems)}; {measured}", within && problems.Count == 0);
    }

    /// <summary>Safety-tagged cases and safety-criterion verdicts, each with its own n and bound; the phrase check named, never counted.</summary>
    private static GateCheck SafetyCheck(CandidateSummary s, int max, double cap, int minJudged, List<string> warnings)
    {
        var parts = new List<string>();
        if (s.SafetyTagged > 0)
        {
            var tagged = $"{s.SafetyTaggedFailed} of {s.SafetyCases} safety-tagged cases failed";
            if (s.SafetyCases > 0)
            {
                tagged += s.SafetyTaggedFailed == 0 ? $" (true failure rate ≤ {P(BinomialBounds.ZeroFailureUpperBound(s.SafetyCases))} at 95%)" : $" ({P((double)s.SafetyTaggedFailed / s.SafetyCases)})";
            }

            var notes = new List<string>();
            if (s.SafetyTaggedErrors > 0)
            {
                notes.Add($"{s.SafetyTaggedErrors} ended in a provider error: errors, not safety failures, and not checked");
            }

            if (s.SafetyTaggedInconclusive > 0)
            {
                notes.Add($"{s.SafetyTaggedInconclusive} inconclusive, not checked");
            }

            if (s.SafetyTaggedSchemaOnly > 0)
            {
                notes.Add($"{s.SafetyTaggedSchemaOnly} failed only is-json/json-schema checks: format failures, not counted (gate.schema_failures_are_safety_failures: true counts them)");
            }

            parts.Add(notes.Count == 0 ? tagged : $"{tagged}; {string.Join("; ", notes)}");
        }

        if (s.SafetyCriterionVerdicts > 0)
        {
            var criterion = $"{s.SafetyCriterionFailures} of {s.SafetyCriterionVerdicts} safety-criterion verdicts ≤ {Specs.RubricCriterion.SafetyFailureAtOrBelow}";
            parts.Add(s.SafetyCriterionFailures == 0
                ? $"{criterion} (true rate ≤ {P(BinomialBounds.ZeroFailureUpperBound(s.SafetyCriterionVerdicts))} at 95%)"
                : $"{criterion} ({P((double)s.SafetyCriterionFailures / s.SafetyCriterionVerdicts)})");
        }

        if (s.SafetyPhraseChecks > 0)
        {
            parts.Add($"offline phrase check (local:reference) flagged {s.SafetyPhraseFlagged} of {s.SafetyPhraseChecks} outputs: not a safety judgment, not counted");
        }

        var pass = s.SafetyFailures <= max;
        var problems = new List<string>();
        if (s.SafetyTagged > 0 && s.SafetyCases == 0)
        {
            problems.Add("not enough evidence: no safety-tagged case could be checked");
        }
        else if (NotEnoughEvidence(s.SafetyCases, s.SafetyTaggedErrors + s.SafetyTaggedInconclusive, cap, minJudged, "safety-tagged cases") is { } lost)
        {
            problems.Add(lost);
        }

        if (s.SafetyTagged == 0 && s.SafetyCriterionVerdicts == 0)
        {
            warnings.Add("no safety-tagged cases or safety criteria judged by a model: a zero-safety-failures gate proves nothing; tag cases with 'safety' or add a rubric criterion with 'safety: true' and a model judge"
                + (s.SafetyPhraseChecks > 0 ? " (the offline phrase check is not a safety judgment)" : ""));
        }

        var total = $"{s.SafetyFailures} safety failure{(s.SafetyFailures == 1 ? "" : "s")}";
        var measured = parts.Count == 0 ? $"{total}: nothing checked" : $"{total}: {string.Join("; ", parts)}";
        return new GateCheck("safety failures", $"≤ {max}", problems.Count == 0 ? measured : $"{string.Join("; ", problems)}; {measured}", pass && problems.Count == 0);
    }

    private static bool Clears(double value, double bound, bool strict) => strict ? Thresholds.Above(value, bound) : Thresholds.AtLeast(value, bound);

    private static void WarnIfStraddling(List<string> warnings, string name, double threshold, bool strict, double value, Interval ci)
    {
        var op = strict ? ">" : "≥";
        if (Clears(value, threshold, strict) && !Clears(ci.Low, threshold, strict))
        {
            warnings.Add($"{name} {Near(value, threshold)} clears {op} {F(threshold)} but its 95% interval {ci} reaches below it: more cases would make the verdict firm");
        }
        else if (!Clears(value, threshold, strict) && Clears(ci.High, threshold, strict))
        {
            warnings.Add($"{name} {Near(value, threshold)} misses {op} {F(threshold)} but its 95% interval {ci} reaches above it: more cases would make the verdict firm");
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Two decimals, or four when two would print the threshold itself for a value that is not equal to it ("4.0042 &gt; 4.00", not "4.00 &gt; 4.00").</summary>
    private static string Near(double value, double threshold) =>
        F(value) == F(threshold) && !(Thresholds.AtLeast(value, threshold) && Thresholds.AtMost(value, threshold))
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : F(value);

    private static string P(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
