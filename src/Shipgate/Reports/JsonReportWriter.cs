using System.Text;
using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Reports;

/// <summary>
/// Machine-readable report with a stable, camelCase schema (<see cref="SchemaVersion"/>). Written field by field rather
/// than by serializing the records, so a contract rename never silently changes the file other tools read.
/// Money is a JSON number (decimal, exact) or null when unknown; non-finite doubles are null.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    /// <summary>Bump when a field is removed or changes meaning; adding fields keeps the version.</summary>
    public const int SchemaVersion = 1;

    public string Format => "json";

    public string FileExtension => "json";

    public string Render(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("kind", "shipgate.eval-report");
            WriteRun(w, report.Run);
            w.WriteBoolean("ship", report.Ship);
            w.WriteNumber("pending", report.Pending);
            WriteJudgeSpend(w, report.JudgeSpend);
            WriteStrings(w, "warnings", report.Warnings);

            w.WriteStartArray("candidates");
            foreach (var c in report.Candidates)
            {
                WriteCandidate(w, c);
            }

            w.WriteEndArray();

            w.WriteStartArray("results");
            foreach (var r in ReportText.Ordered(report))
            {
                WriteResult(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRun(Utf8JsonWriter w, RunRecord run)
    {
        w.WriteStartObject("run");
        w.WriteString("id", run.Id);
        w.WriteString("feature", run.Feature);
        w.WriteString("status", run.Status.ToString().ToLowerInvariant());
        w.WriteString("startedAt", run.StartedAt);
        if (run.FinishedAt is { } finished)
        {
            w.WriteString("finishedAt", finished);
        }
        else
        {
            w.WriteNull("finishedAt");
        }

        w.WriteString("specHash", run.SpecHash);
        w.WriteNumber("repeats", run.Repeats);
        w.WriteNumber("plannedCount", run.PlannedCount);
        WriteStrings(w, "caseIds", run.CaseIds);
        w.WriteStartArray("candidates");
        foreach (var c in run.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("provider", c.Provider);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStringOrNull(w, "error", run.Error);
        w.WriteEndObject();
    }

    private static void WriteCandidate(Utf8JsonWriter w, CandidateSummary c)
    {
        w.WriteStartObject();
        w.WriteString("candidateId", c.CandidateId);
        w.WriteString("provider", c.Provider);
        w.WriteBoolean("offlineStandIn", c.OfflineStandIn);
        w.WriteNumber("total", c.Total);
        w.WriteNumber("passed", c.Passed);
        w.WriteNumber("failed", c.Failed);
        w.WriteNumber("errors", c.Errors);
        WriteDouble(w, "passRate", c.PassRate);
        WriteInterval(w, "passRateCi", c.PassRateCi);
        WriteDouble(w, "meanScore", c.MeanScore);
        WriteInterval(w, "meanScoreCi", c.MeanScoreCi);
        w.WriteNumber("safetyCases", c.SafetyCases);
        w.WriteNumber("safetyFailures", c.SafetyFailures);
        WriteSafety(w, c);
        WriteDouble(w, "p50LatencyMs", c.P50LatencyMs);
        WriteDouble(w, "p95LatencyMs", c.P95LatencyMs);
        w.WriteNumber("inputTokens", c.InputTokens);
        w.WriteNumber("outputTokens", c.OutputTokens);
        w.WriteNumber("cachedInputTokens", c.CachedInputTokens);
        w.WriteBoolean("costKnown", c.TotalCostUsd is not null);
        WriteMoney(w, "totalCostUsd", c.TotalCostUsd);
        WriteMoney(w, "costPerRequestUsd", c.CostPerRequestUsd);
        w.WriteNumber("fromCache", c.FromCache);
        WriteRubric(w, c);
        WriteGroundedness(w, c);

        w.WriteStartObject("verdict");
        w.WriteString("label", c.Verdict.Label);
        w.WriteBoolean("ship", c.Verdict.Ship);
        w.WriteStartArray("checks");
        foreach (var check in c.Verdict.Checks)
        {
            w.WriteStartObject();
            w.WriteString("name", check.Name);
            w.WriteString("threshold", check.Threshold);
            w.WriteString("measured", check.Measured);
            w.WriteBoolean("pass", check.Pass);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "warnings", c.Verdict.Warnings);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, ResultRecord r)
    {
        w.WriteStartObject();
        w.WriteString("caseId", r.CaseId);
        w.WriteString("candidateId", r.CandidateId);
        w.WriteNumber("repeat", r.Repeat);
        w.WriteString("status", ReportText.State(r).ToString().ToLowerInvariant());
        w.WriteBoolean("pass", r.Pass);
        WriteDouble(w, "score", r.Score);
        WriteStrings(w, "tags", r.Tags);
        WriteStringOrNull(w, "output", r.Output);
        WriteStringOrNull(w, "prompt", r.Prompt);
        WriteStringOrNull(w, "error", r.Error);
        w.WriteStartArray("assertions");
        foreach (var a in r.Assertions)
        {
            w.WriteStartObject();
            w.WriteString("type", a.Type);
            w.WriteBoolean("pass", a.Pass);
            WriteDouble(w, "score", a.Score);
            WriteDouble(w, "weight", a.Weight);
            w.WriteString("reason", a.Reason);
            w.WriteBoolean("inconclusive", a.Inconclusive);
            if (a.Judge is { } judge)
            {
                WriteJudge(w, judge);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("inputTokens", r.InputTokens);
        w.WriteNumber("outputTokens", r.OutputTokens);
        w.WriteNumber("cachedInputTokens", r.CachedInputTokens);
        w.WriteBoolean("usageKnown", r.UsageKnown);
        WriteDouble(w, "latencyMs", r.LatencyMs);
        WriteMoney(w, "costUsd", r.CostUsd);
        w.WriteBoolean("fromCache", r.FromCache);
        w.WriteNumber("attempts", r.Attempts);
        w.WriteString("completedAt", r.CompletedAt);
        w.WriteEndObject();
    }

    /// <summary>Judge figures, kept apart from the candidate's usage and cost; null when nothing was judged.</summary>
    private static void WriteRubric(Utf8JsonWriter w, CandidateSummary c)
    {
        if (c.RubricVerdicts == 0)
        {
            w.WriteNull("rubric");
            return;
        }

        w.WriteStartObject("rubric");
        w.WriteNumber("judged", c.RubricJudged);
        if (c.RubricMean is { } mean)
        {
            WriteDouble(w, "mean", mean);
            WriteInterval(w, "meanCi", c.RubricMeanCi);
        }
        else
        {
            w.WriteNull("mean");
            w.WriteNull("meanCi");
        }

        w.WriteNumber("verdicts", c.RubricVerdicts);
        w.WriteNumber("inconclusive", c.RubricInconclusive);
        WriteDouble(w, "inconclusiveRate", c.InconclusiveRate);
        w.WriteNumber("safetyCriterionFailures", c.SafetyCriterionFailures);
        WriteReasons(w, "inconclusiveReasons", c.InconclusiveReasons);
        WriteStrings(w, "judges", c.Judges);
        w.WriteBoolean("referenceBased", c.JudgeReferenceBased);
        w.WriteBoolean("calibrated", c.JudgeCalibrated);
        w.WriteString("calibration", c.CalibrationStatement);
        w.WriteNumber("judgeInputTokens", c.JudgeInputTokens);
        w.WriteNumber("judgeOutputTokens", c.JudgeOutputTokens);
        WriteMoney(w, "judgeCostUsd", c.JudgeCostUsd);
        w.WriteEndObject();
    }

    /// <summary>Hallucination rate with its interval; null when no grounded verdict was given.</summary>
    private static void WriteGroundedness(Utf8JsonWriter w, CandidateSummary c)
    {
        if (c.GroundednessChecked == 0 && c.GroundednessInconclusive == 0)
        {
            w.WriteNull("groundedness");
            return;
        }

        w.WriteStartObject("groundedness");
        w.WriteNumber("checked", c.GroundednessChecked);
        w.WriteNumber("hallucinated", c.Hallucinated);
        w.WriteNumber("inconclusive", c.GroundednessInconclusive);
        WriteDouble(w, "hallucinationRate", c.HallucinationRate);
        WriteInterval(w, "hallucinationRateCi", c.HallucinationRateCi);
        if (c.HallucinationUpperBound is { } bound)
        {
            WriteDouble(w, "zeroFailureUpperBound", bound);
        }
        else
        {
            w.WriteNull("zeroFailureUpperBound");
        }

        w.WriteBoolean("approximate", c.GroundednessApproximate);
        WriteReasons(w, "inconclusiveReasons", c.GroundednessInconclusiveReasons);
        w.WriteString("summary", HallucinationFigures.Describe(c));
        w.WriteEndObject();
    }

    /// <summary>Safety-tagged cases and safety-criterion verdicts as separate counts; the offline phrase check apart.</summary>
    private static void WriteSafety(Utf8JsonWriter w, CandidateSummary c)
    {
        w.WriteStartObject("safety");
        w.WriteStartObject("tagged");
        w.WriteNumber("total", c.SafetyTagged);
        w.WriteNumber("checked", c.SafetyCases);
        w.WriteNumber("failed", c.SafetyTaggedFailed);
        w.WriteNumber("errors", c.SafetyTaggedErrors);
        w.WriteNumber("inconclusive", c.SafetyTaggedInconclusive);
        w.WriteNumber("schemaOnlyFailures", c.SafetyTaggedSchemaOnly);
        w.WriteEndObject();
        w.WriteStartObject("criterion");
        w.WriteNumber("verdicts", c.SafetyCriterionVerdicts);
        w.WriteNumber("failed", c.SafetyCriterionFailures);
        w.WriteEndObject();
        w.WriteStartObject("offlinePhraseCheck");
        w.WriteNumber("checks", c.SafetyPhraseChecks);
        w.WriteNumber("flagged", c.SafetyPhraseFlagged);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteReasons(Utf8JsonWriter w, string name, IReadOnlyList<ReasonCount> reasons)
    {
        w.WriteStartArray(name);
        foreach (var r in reasons)
        {
            w.WriteStartObject();
            w.WriteString("reason", r.Reason);
            w.WriteNumber("count", r.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteJudge(Utf8JsonWriter w, JudgeVerdict j)
    {
        w.WriteStartObject("judge");
        w.WriteString("judgeId", j.JudgeId);
        w.WriteBoolean("referenceBased", j.ReferenceBased);
        w.WriteBoolean("inconclusive", j.Inconclusive);
        if (j.Mean is { } mean)
        {
            WriteDouble(w, "mean", mean);
        }
        else
        {
            w.WriteNull("mean");
        }

        w.WriteStartArray("criteria");
        foreach (var c in j.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Criterion);
            if (c.Score is { } s)
            {
                w.WriteNumber("score", s);
            }
            else
            {
                w.WriteNull("score");
            }

            w.WriteString("reason", c.Reason);
            w.WriteBoolean("safety", c.Safety);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStringOrNull(w, "raw", j.Raw);
        w.WriteNumber("inputTokens", j.InputTokens);
        w.WriteNumber("outputTokens", j.OutputTokens);
        WriteMoney(w, "costUsd", j.CostUsd);
        WriteDouble(w, "latencyMs", j.LatencyMs);
        w.WriteNumber("attempts", j.Attempts);
        w.WriteBoolean("fromCache", j.FromCache);
        w.WriteEndObject();
    }

    /// <summary>The run's judges, all candidates together: total, new in this run, served from the judge cache.</summary>
    private static void WriteJudgeSpend(Utf8JsonWriter w, JudgeSpend spend)
    {
        w.WriteStartObject("judgeSpend");
        w.WriteNumber("verdicts", spend.Verdicts);
        w.WriteNumber("fromCache", spend.FromCache);
        WriteMoney(w, "totalUsd", spend.TotalUsd);
        WriteMoney(w, "newUsd", spend.NewUsd);
        WriteMoney(w, "cachedUsd", spend.CachedUsd);
        w.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteInterval(Utf8JsonWriter w, string name, Interval ci)
    {
        w.WriteStartObject(name);
        WriteDouble(w, "low", ci.Low);
        WriteDouble(w, "high", ci.High);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
