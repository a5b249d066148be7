using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>
/// The risk assessment as JSON (camelCase, <c>"schemaVersion": 1</c>, <c>"kind": "shipgate.risk"</c>), written field by
/// field so a record rename never changes the file other tools read. Every number sits beside its <c>source</c>.
/// </summary>
public static class RiskJson
{
    /// <summary>Bump when a field is removed or changes meaning; adding fields keeps the version.</summary>
    public const int SchemaVersion = 1;

    /// <remarks>Relaxed escaping keeps "≤" and "+" readable; the file is JSON, never inlined into HTML.</remarks>
    public static string Render(RiskAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, assessment);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the assessment as one JSON object (the launch report embeds it).</summary>
    public static void Write(Utf8JsonWriter w, RiskAssessment a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("kind", "shipgate.risk");
        w.WriteString("feature", a.Feature);
        w.WriteString("runId", a.RunId);
        w.WriteStartObject("candidate");
        w.WriteString("id", a.CandidateId);
        w.WriteString("provider", a.Provider);
        w.WriteString("reason", a.CandidateReason);
        w.WriteBoolean("offlineStandIn", a.OfflineStandIn);
        w.WriteEndObject();
        w.WriteStartObject("readiness");
        w.WriteString("status", a.Readiness.Status switch { ReadinessStatus.Ready => "ready", ReadinessStatus.NotReady => "notReady", _ => "notDeclared" });
        w.WriteString("summary", a.Readiness.Summary);
        Strings(w, "reasons", a.Readiness.Reasons);
        w.WriteEndObject();
        if (a.Risk is { } risk)
        {
            w.WriteStartObject("severity");
            w.WriteString("level", RiskLevels.Name(risk.Severity.Level));
            w.WriteString("why", risk.Severity.Why);
            Source(w, RiskAssessment.SeveritySource);
            w.WriteEndObject();
            w.WriteStartObject("detection");
            w.WriteString("level", RiskLevels.Name(risk.Detection.Level));
            w.WriteString("why", risk.Detection.Why);
            Source(w, RiskAssessment.DetectionSource);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("severity");
            w.WriteNull("detection");
        }

        if (a.Strategy is { } s)
        {
            w.WriteStartObject("strategy");
            w.WriteString("name", s.Name);
            w.WriteString("reasoning", s.Reasoning);
            w.WriteBoolean("fromFramework", s.FromFramework);
            w.WriteBoolean("reconsiderAi", s.ReconsiderAi);
            w.WriteString("caution", s.Caution);
            Strings(w, "mitigations", s.Mitigations);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("strategy");
        }

        w.WriteStartArray("mitigations");
        foreach (var c in a.Checks.Concat(a.ExtraMitigations))
        {
            w.WriteStartObject();
            w.WriteString("id", c.Mitigation.Id);
            w.WriteString("name", c.Mitigation.Name);
            w.WriteBoolean("required", c.Required);
            w.WriteBoolean("declared", c.Declared);
            w.WriteString("status", c.Status switch { MitigationStatus.Configured => "configured", MitigationStatus.DeclaredOnly => "declaredOnly", _ => "missing" });
            w.WriteBoolean("met", c.Met);
            w.WriteString("evidence", c.Evidence);
            Source(w, c.Source);
            w.WriteString("whatToDo", c.WhatToDo);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteBudget(w, a.Budget);
        Strings(w, "warnings", a.Warnings);
        w.WriteEndObject();
    }

    private static void WriteBudget(Utf8JsonWriter w, BudgetAssessment b)
    {
        w.WriteStartObject("budget");
        w.WriteString("status", b.Status switch
        {
            BudgetStatus.Within => "within",
            BudgetStatus.Unproven => "unproven",
            BudgetStatus.Exceeded => "exceeded",
            BudgetStatus.NotMeasured => "notMeasured",
            _ => "notDeclared",
        });
        w.WriteBoolean("met", b.Met);
        w.WriteString("statement", b.Statement);
        Figure(w, "maxRate", b.MaxRate);
        w.WriteString("measuredBy", b.MeasuredBy);
        Figure(w, "rollbackAt", b.RollbackAt);
        w.WriteNumber("checked", b.Checked);
        w.WriteNumber("hallucinated", b.Hallucinated);
        w.WriteNumber("inconclusive", b.Inconclusive);
        Figure(w, "rate", b.Rate);
        if (b.RateCi is Interval ci)
        {
            w.WriteStartObject("rateCi");
            w.WriteNumber("low", ci.Low);
            w.WriteNumber("high", ci.High);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("rateCi");
        }

        Figure(w, "upperBound", b.UpperBound);
        w.WriteBoolean("approximate", b.Approximate);
        Count(w, "casesNeeded", b.CasesNeeded);
        Count(w, "casesNeededAtMeasuredRate", b.CasesNeededAtMeasuredRate);
        w.WriteString("rollbackTrigger", b.RollbackTrigger);
        Count(w, "rollbackWindow", b.RollbackWindow);
        w.WriteEndObject();
    }

    private static void Figure(Utf8JsonWriter w, string name, RiskFigure? figure)
    {
        if (figure is not { } f || !double.IsFinite(f.Value))
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("value", f.Value);
        Source(w, f.Source);
        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string name, RiskCount? count)
    {
        if (count is not { } c)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("value", c.Value);
        Source(w, c.Source);
        w.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter w, Provenance p)
    {
        w.WriteStartObject("source");
        w.WriteString("kind", p.Kind.ToString().ToLowerInvariant());
        w.WriteString("detail", p.Detail);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }
}
