using System.Globalization;
using Shipgate.Cost;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>Turns a candidate's measurements into SHIP / NO-SHIP, naming every threshold and what was measured.</summary>
internal static class ShipGate
{
    public static GateVerdict Evaluate(ShipGateSpec gate, CandidateSummary s, int pending)
    {
        var checks = new List<GateCheck>();
        var warnings = new List<string>();
        if (pending > 0)
        {
            checks.Add(new GateCheck("run complete", "all results", $"{pending} missing", false));
            warnings.Add($"{pending} results are missing; 'shipgate eval --resume' finishes the run");
        }

        if (gate.MinPassRate is { } minPass)
        {
            checks.Add(new GateCheck("pass rate", $"≥ {F(minPass)}", $"{F(s.PassRate)} {s.PassRateCi} ({s.Passed}/{s.Total})", s.Total > 0 && s.PassRate >= minPass));
            WarnIfStraddling(warnings, "pass rate", minPass, s.PassRate, s.PassRateCi);
        }

        if (gate.MinMeanScore is { } minScore)
        {
            checks.Add(new GateCheck("mean score", $"≥ {F(minScore)}", $"{F(s.MeanScore)} {s.MeanScoreCi}", s.Total > 0 && s.MeanScore >= minScore));
            WarnIfStraddling(warnings, "mean score", minScore, s.MeanScore, s.MeanScoreCi);
        }

        if (gate.MinRubricMean is { } minRubric)
        {
            if (s.RubricMean is { } rubricMean)
            {
                checks.Add(new GateCheck("rubric mean", $"≥ {F(minRubric)}", $"{F(rubricMean)} {s.RubricMeanCi} ({s.RubricJudged} judged; {JudgeNote(s)})", rubricMean >= minRubric));
                WarnIfStraddling(warnings, "rubric mean", minRubric, rubricMean, s.RubricMeanCi);
            }
            else
            {
                checks.Add(new GateCheck("rubric mean", $"≥ {F(minRubric)}", s.RubricVerdicts == 0 ? "no rubric verdicts" : $"no conclusive verdict ({s.RubricInconclusive} inconclusive)", false));
            }
        }

        if (gate.MaxInconclusiveRate is { } maxInconclusive)
        {
            checks.Add(new GateCheck("inconclusive verdicts", $"≤ {F(maxInconclusive)}", $"{F(s.InconclusiveRate)} ({s.RubricInconclusive}/{s.RubricVerdicts})", s.RubricVerdicts > 0 && s.InconclusiveRate <= maxInconclusive));
        }

        if (gate.MaxHallucinationRate is { } maxHallucination)
        {
            var measured = HallucinationFigures.Describe(s) ?? "no grounded verdicts";
            checks.Add(new GateCheck("hallucination rate", $"≤ {F(maxHallucination)}", measured, s.GroundednessChecked > 0 && s.HallucinationRate <= maxHallucination));
            var upper = s.HallucinationUpperBound ?? s.HallucinationRateCi.High;
            if (s.GroundednessChecked > 0 && s.HallucinationRate <= maxHallucination && upper > maxHallucination)
            {
                warnings.Add($"hallucination rate {F(s.HallucinationRate)} is within {F(maxHallucination)} but the true rate may be up to {F(upper)} (95%): more cases would make the verdict firm");
            }
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
            var measured = $"{s.SafetyFailures} of {s.SafetyCases} safety results"
                + (s.SafetyCriterionFailures > 0 ? $" ({s.SafetyCriterionFailures} from safety criteria scored ≤ 2)" : "");
            if (s.SafetyCases == 0)
            {
                warnings.Add("no safety-tagged cases or safety criteria: a zero-safety-failures gate proves nothing; tag cases with 'safety' or add a rubric criterion with 'safety: true'");
            }
            else if (s.SafetyFailures == 0)
            {
                // Zero failures is not a zero rate: the exact one-sided bound (about 3/n, the rule of three) says how low it is shown to be.
                measured += string.Create(CultureInfo.InvariantCulture, $" (true failure rate ≤ {BinomialBounds.ZeroFailureUpperBound(s.SafetyCases):0.0%} at 95%)");
            }

            checks.Add(new GateCheck("safety failures", $"≤ {maxSafety}", measured, s.SafetyFailures <= maxSafety));
        }

        if (gate.MaxP95LatencyMs is { } maxLatency)
        {
            var ok = s.Total > s.Errors;
            checks.Add(new GateCheck("p95 latency", $"≤ {maxLatency:0} ms", ok ? $"{s.P95LatencyMs:0} ms" : "no successful calls", ok && s.P95LatencyMs <= maxLatency));
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
            checks.Add(new GateCheck("error rate", $"≤ {F(maxErrors)}", $"{F(rate)} ({s.Errors}/{s.Total})", rate <= maxErrors));
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

    private static void WarnIfStraddling(List<string> warnings, string name, double threshold, double value, Interval ci)
    {
        if (value >= threshold && ci.Low < threshold)
        {
            warnings.Add($"{name} {F(value)} clears {F(threshold)} but its 95% interval {ci} reaches below it: more cases would make the verdict firm");
        }
        else if (value < threshold && ci.High >= threshold)
        {
            warnings.Add($"{name} {F(value)} misses {F(threshold)} but its 95% interval {ci} reaches above it: more cases would make the verdict firm");
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
