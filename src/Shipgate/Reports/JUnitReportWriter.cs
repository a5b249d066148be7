using Shipgate.Cost;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Reports;

/// <summary>
/// JUnit XML for CI test tabs: one <c>&lt;testsuite&gt;</c> per candidate (properties carry the verdict and gate checks),
/// one <c>&lt;testcase name="caseId#repeat"&gt;</c> per result, <c>&lt;failure&gt;</c> listing failing assertion reasons,
/// <c>&lt;error&gt;</c> for provider errors. Characters XML cannot hold are removed.
/// </summary>
internal sealed class JUnitReportWriter : IReportWriter
{
    /// <summary>Longest failure <c>message</c> attribute; the element body has everything.</summary>
    private const int MaxMessage = 500;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Format => "junit";

    public string FileExtension => "xml";

    public string Render(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ordered = ReportText.Ordered(report);
        var byCandidate = ordered.GroupBy(r => r.CandidateId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var summaries = report.Candidates.ToDictionary(c => c.CandidateId, StringComparer.Ordinal);

        var suites = new List<XElement>();
        foreach (var candidateId in ReportText.CandidateIds(report))
        {
            var results = byCandidate.GetValueOrDefault(candidateId) ?? [];
            summaries.TryGetValue(candidateId, out var summary);
            suites.Add(Suite(report, candidateId, summary, results));
        }

        var root = new XElement("testsuites",
            new XAttribute("name", Clean("shipgate: " + report.Run.Feature)),
            new XAttribute("tests", report.Results.Count),
            new XAttribute("failures", report.Results.Count(r => ReportText.State(r) == ResultState.Fail)),
            new XAttribute("errors", report.Results.Count(r => ReportText.State(r) == ResultState.Error)),
            new XAttribute("time", Seconds(report.Results.Sum(r => r.LatencyMs))),
            suites);

        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
        {
            doc.Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static XElement Suite(EvalReport report, string candidateId, CandidateSummary? summary, List<ResultRecord> results)
    {
        var properties = new XElement("properties",
            Property("runId", report.Run.Id),
            Property("feature", report.Run.Feature),
            Property("specHash", report.Run.SpecHash));
        if (summary is not null)
        {
            properties.Add(
                Property("provider", summary.Provider),
                Property("verdict", summary.Verdict.Label),
                Property("offlineStandIn", summary.OfflineStandIn ? "true" : "false"),
                Property("passRate", summary.PassRate.ToString("0.####", Inv)),
                Property("meanScore", summary.MeanScore.ToString("0.####", Inv)),
                Property("totalCost", MoneyFormat.Usd(summary.TotalCostUsd)));
            foreach (var check in summary.Verdict.Checks)
            {
                properties.Add(Property("gate." + check.Name, $"{(check.Pass ? "pass" : "FAIL")}: threshold {check.Threshold}, measured {check.Measured}"));
            }

            foreach (var warning in summary.Verdict.Warnings)
            {
                properties.Add(Property("warning", warning));
            }
        }

        var name = summary?.OfflineStandIn == true ? candidateId + " (offline stand-in)" : candidateId;
        return new XElement("testsuite",
            new XAttribute("name", Clean(name)),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => ReportText.State(r) == ResultState.Fail)),
            new XAttribute("errors", results.Count(r => ReportText.State(r) == ResultState.Error)),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(results.Sum(r => r.LatencyMs))),
            new XAttribute("timestamp", report.Run.StartedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", Inv)),
            properties,
            results.Select(r => TestCase(report, r)));
    }

    private static XElement TestCase(EvalReport report, ResultRecord r)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", Clean($"{report.Run.Feature}.{r.CandidateId}")),
            new XAttribute("name", Clean($"{r.CaseId}#{r.Repeat}")),
            new XAttribute("time", Seconds(r.LatencyMs)));
        var reasons = ReportText.FailureReasons(r);
        switch (ReportText.State(r))
        {
            case ResultState.Error:
                element.Add(new XElement("error",
                    new XAttribute("type", "provider-error"),
                    new XAttribute("message", Clean(Truncate(r.Error!))),
                    Clean(r.Error!)));
                break;
            case ResultState.Fail:
                var body = string.Join("\n", r.Assertions.Select(a =>
                    $"{(a.Pass ? "✓" : "✗")} {a.Type} (score {a.Score.ToString("0.00", Inv)}, weight {a.Weight.ToString("0.##", Inv)}): {a.Reason}"));
                element.Add(new XElement("failure",
                    new XAttribute("type", "assertion"),
                    new XAttribute("message", Clean(Truncate(string.Join("; ", reasons)))),
                    Clean($"score {r.Score.ToString("0.00", Inv)}\n{body}")));
                break;
        }

        if (r.Output is not null)
        {
            element.Add(new XElement("system-out", Clean(r.Output)));
        }

        return element;
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", Clean(name)), new XAttribute("value", Clean(value)));

    private static string Seconds(double ms) => double.IsFinite(ms) ? (ms / 1000).ToString("0.###", Inv) : "0";

    private static string Truncate(string text) => text.Length <= MaxMessage ? text : text[..(MaxMessage - 1)] + "…";

    /// <summary>Drops characters XML 1.0 cannot represent (most control chars, lone surrogates).</summary>
    internal static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
        }

        return sb?.ToString() ?? text;
    }
}
