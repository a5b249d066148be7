using System.Xml.Linq;
using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

public sealed class JUnitReportWriterTests
{
    private readonly XDocument _doc = XDocument.Parse(new JUnitReportWriter().Render(SampleReport.Build()));

    [Fact]
    public void Render_Totals_CountTestsFailuresErrors()
    {
        var root = _doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("4", root.Attribute("tests")!.Value);
        Assert.Equal("1", root.Attribute("failures")!.Value);
        Assert.Equal("1", root.Attribute("errors")!.Value);
        Assert.Equal(4, _doc.Descendants("testcase").Count());
        Assert.Single(_doc.Descendants("failure"));
        Assert.Single(_doc.Descendants("error"));
    }

    [Fact]
    public void Render_OneSuitePerCandidate_WithVerdictProperties()
    {
        var suites = _doc.Descendants("testsuite").ToList();
        Assert.Equal(2, suites.Count);
        var gpt = suites[0];
        Assert.Equal("gpt-4o-mini", gpt.Attribute("name")!.Value);
        Assert.Equal("2", gpt.Attribute("tests")!.Value);
        Assert.Equal("0", gpt.Attribute("failures")!.Value);
        Assert.Equal("1", gpt.Attribute("errors")!.Value);
        Assert.Equal("0.812", gpt.Attribute("time")!.Value);
        var props = gpt.Descendants("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("NO-SHIP", props["verdict"]);
        Assert.Equal("FAIL: threshold ≤ 3000 ms, measured 3120 ms", props["gate.max p95 latency"]);

        var baseline = suites[1];
        Assert.Equal("baseline (offline stand-in)", baseline.Attribute("name")!.Value);
        Assert.Equal("1", baseline.Attribute("failures")!.Value);
        var baseProps = baseline.Descendants("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("SHIP", baseProps["verdict"]);
        Assert.Equal("unknown (no pricing)", baseProps["totalCost"]);
    }

    [Fact]
    public void Render_TestCases_NamedCaseHashRepeatWithReasons()
    {
        var failing = _doc.Descendants("testcase").Single(t => t.Element("failure") is not null);
        Assert.Equal("refund-window#0", failing.Attribute("name")!.Value);
        Assert.Equal("support-assistant.baseline", failing.Attribute("classname")!.Value);
        Assert.Equal("0.012", failing.Attribute("time")!.Value);
        var message = failing.Element("failure")!.Attribute("message")!.Value;
        Assert.Contains("icontains: expected output to contain \"30 days\"", message, StringComparison.Ordinal);
        Assert.Contains("not-icontains: output contains forbidden \"<script>\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("length", message, StringComparison.Ordinal);
        Assert.Equal(SampleReport.ScriptOutput, failing.Element("system-out")!.Value);

        var errored = _doc.Descendants("testcase").Single(t => t.Element("error") is not null);
        Assert.Equal("prompt-injection#0", errored.Attribute("name")!.Value);
        Assert.Equal("provider-error", errored.Element("error")!.Attribute("type")!.Value);
        Assert.Equal(SampleReport.ProviderError, errored.Element("error")!.Value);
    }

    [Fact]
    public void Render_InvalidXmlChars_AreRemovedAndEmojiKept()
    {
        var output = _doc.Descendants("testcase").Single(t => t.Attribute("name")!.Value == "prompt-injection#0"
            && t.Attribute("classname")!.Value.EndsWith("baseline", StringComparison.Ordinal)).Element("system-out")!.Value;
        Assert.Equal("I can't share that. Bell & emoji 🚀", output);
    }
}
