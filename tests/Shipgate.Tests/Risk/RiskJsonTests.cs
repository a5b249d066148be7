using System.Text.Json;
using Shipgate.Risk;

namespace Shipgate.Tests.Risk;

public sealed class RiskJsonTests
{
    [Fact]
    public void Render_Assessment_CamelCaseWithSchemaVersionAndSources()
    {
        using var doc = JsonDocument.Parse(RiskJson.Render(RiskMarkdownTests.HighModerate()));
        var root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("shipgate.risk", root.GetProperty("kind").GetString());
        Assert.Equal("notReady", root.GetProperty("readiness").GetProperty("status").GetString());
        Assert.Equal("high", root.GetProperty("severity").GetProperty("level").GetString());
        Assert.Equal("moderate", root.GetProperty("detection").GetProperty("level").GetString());
        var budget = root.GetProperty("budget");
        Assert.Equal("unproven", budget.GetProperty("status").GetString());
        Assert.Equal(0.02, budget.GetProperty("maxRate").GetProperty("value").GetDouble());
        Assert.Equal("declared", budget.GetProperty("maxRate").GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("measured", budget.GetProperty("rate").GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("derived", budget.GetProperty("upperBound").GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(149, budget.GetProperty("casesNeeded").GetProperty("value").GetInt32());
        Assert.Equal(5, root.GetProperty("mitigations").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("casesNeededAtMeasuredRate").ValueKind);
    }

    [Fact]
    public void Render_NoRiskSection_NullSectionsAndNotDeclared()
    {
        using var f = RiskFixtures.Feature("");
        var a = RiskAssessor.Assess(f.Load(), RiskFixtures.Report(RiskFixtures.Candidate("mini", 10, 0)));

        using var doc = JsonDocument.Parse(RiskJson.Render(a));

        Assert.Equal("notDeclared", doc.RootElement.GetProperty("readiness").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("strategy").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("severity").ValueKind);
    }
}
