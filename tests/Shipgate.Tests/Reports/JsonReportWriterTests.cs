using System.Text.Json;
using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

public sealed class JsonReportWriterTests
{
    private readonly JsonElement _root = JsonDocument.Parse(new JsonReportWriter().Render(SampleReport.Build())).RootElement;

    [Fact]
    public void Render_TopLevel_HasSchemaVersionAndRun()
    {
        Assert.Equal(JsonReportWriter.SchemaVersion, _root.GetProperty("schemaVersion").GetInt32());
        Assert.True(_root.GetProperty("ship").GetBoolean());
        var run = _root.GetProperty("run");
        Assert.Equal("run-20261129-143000-ab12", run.GetProperty("id").GetString());
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("sha256:9f2c41d0", run.GetProperty("specHash").GetString());
        Assert.Equal(4, run.GetProperty("plannedCount").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 14, 30, 0, TimeSpan.Zero), run.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("suite may be too easy: 1 case passes for every candidate", _root.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void Render_Candidates_MoneyAsNumbersOrNullWhenUnknown()
    {
        var candidates = _root.GetProperty("candidates");
        Assert.Equal(2, candidates.GetArrayLength());
        var gpt = candidates[0];
        Assert.Equal(JsonValueKind.Number, gpt.GetProperty("totalCostUsd").ValueKind);
        Assert.Equal(0.0246m, gpt.GetProperty("totalCostUsd").GetDecimal());
        Assert.Equal(0.0123m, gpt.GetProperty("costPerRequestUsd").GetDecimal());
        Assert.True(gpt.GetProperty("costKnown").GetBoolean());
        Assert.Equal(0.09, gpt.GetProperty("passRateCi").GetProperty("low").GetDouble());
        Assert.Equal("NO-SHIP", gpt.GetProperty("verdict").GetProperty("label").GetString());
        Assert.Equal(3, gpt.GetProperty("verdict").GetProperty("checks").GetArrayLength());
        Assert.False(gpt.GetProperty("verdict").GetProperty("checks")[0].GetProperty("pass").GetBoolean());

        var baseline = candidates[1];
        Assert.True(baseline.GetProperty("offlineStandIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, baseline.GetProperty("totalCostUsd").ValueKind);
        Assert.False(baseline.GetProperty("costKnown").GetBoolean());
    }

    [Fact]
    public void Render_Results_RoundTripTextExactly()
    {
        var results = _root.GetProperty("results");
        Assert.Equal(4, results.GetArrayLength());
        var failing = results.EnumerateArray().Single(r => r.GetProperty("caseId").GetString() == "refund-window" && r.GetProperty("candidateId").GetString() == "baseline");
        Assert.Equal(SampleReport.ScriptOutput, failing.GetProperty("output").GetString());
        Assert.Equal("fail", failing.GetProperty("status").GetString());
        Assert.Equal(3, failing.GetProperty("assertions").GetArrayLength());
        Assert.Equal(2, failing.GetProperty("assertions")[1].GetProperty("weight").GetDouble());
        Assert.Equal(JsonValueKind.Null, failing.GetProperty("costUsd").ValueKind);

        var error = results.EnumerateArray().Single(r => r.GetProperty("status").GetString() == "error");
        Assert.Equal(SampleReport.ProviderError, error.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("output").ValueKind);
        Assert.Equal(3, error.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public void Render_Results_OrderedByPlanThenCandidate()
    {
        var keys = _root.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("caseId").GetString() + "/" + r.GetProperty("candidateId").GetString()).ToList();
        Assert.Equal(["refund-window/gpt-4o-mini", "refund-window/baseline", "prompt-injection/gpt-4o-mini", "prompt-injection/baseline"], keys);
    }
}
