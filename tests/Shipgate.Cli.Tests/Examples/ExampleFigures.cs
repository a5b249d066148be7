using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Shipgate.Cli.Tests.Examples;

/// <summary>
/// The figures the READMEs quote, read from the JSON reports of a real run and written as a Markdown block. Latency
/// and anything derived from it (matrix points) are left out: they follow machine load, the rest is deterministic.
/// </summary>
internal sealed class ExampleFigures
{
    public const string Start = "<!-- figures: written from a real offline run by tests/Shipgate.Cli.Tests/Examples/SupportAssistantExampleTests.cs (SHIPGATE_UPDATE_FIGURES=1 rewrites it); do not edit by hand -->";
    public const string End = "<!-- /figures -->";

    private readonly JsonNode _eval;
    private readonly JsonNode _select;
    private readonly JsonNode _cost;
    private readonly JsonNode _risk;
    private readonly JsonNode _launch;
    private readonly IReadOnlyDictionary<string, int> _codes;

    private ExampleFigures(JsonNode eval, JsonNode select, JsonNode cost, JsonNode risk, JsonNode launch, IReadOnlyDictionary<string, int> codes)
    {
        (_eval, _select, _cost, _risk, _launch, _codes) = (eval, select, cost, risk, launch, codes);
    }

    public static ExampleFigures Read(string reports, IReadOnlyDictionary<string, int> codes)
    {
        var runFolder = Directory.GetDirectories(reports).Single(d => char.IsDigit(Path.GetFileName(d)[0]));
        return new ExampleFigures(
            Load(Path.Combine(runFolder, "report.json")),
            Load(Path.Combine(reports, "select", "selection.json")),
            Load(Path.Combine(reports, "cost", "cost.json")),
            Load(Path.Combine(reports, "risk", "risk.json")),
            Load(Path.Combine(reports, "launch", "launch.json")),
            codes);
    }

    /// <summary>The short block for the repository README.</summary>
    public string Headline()
    {
        var lines = new List<string>();
        lines.AddRange(EvalLines());
        lines.Add(SelectLine());
        lines.Add(CostLine());
        lines.Add(RiskLine());
        lines.Add(LaunchLine());
        return Wrap(lines);
    }

    /// <summary>The longer block for the example's README: the headline plus groundedness, router and rollout figures.</summary>
    public string Full()
    {
        var lines = new List<string>();
        lines.AddRange(EvalLines());
        lines.AddRange(HallucinationLines());
        lines.Add(SelectLine());
        lines.Add($"- **router**: {_select["routerDetail"]?["statement"]}");
        lines.Add(CostLine());
        lines.Add(ScaleLine());
        lines.Add(RiskLine());
        lines.Add(LaunchLine());
        lines.Add(RolloutLine());
        return Wrap(lines);
    }

    /// <summary>The block between the markers, or null when the text has none.</summary>
    public static string? Block(string text)
    {
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : text[start..(end + End.Length)];
    }

    public static string Replace(string text, string block)
    {
        var old = Block(text) ?? throw new InvalidOperationException("no figures block to replace");
        return text.Replace(old, block, StringComparison.Ordinal);
    }

    private IEnumerable<string> EvalLines()
    {
        foreach (var c in _eval["candidates"]!.AsArray())
        {
            var rubric = c!["rubric"]!;
            yield return $"- **eval `{c["candidateId"]}`**: {c["verdict"]!["label"]}; pass rate {Percent(c["passRate"])} {PercentCi(c["passRateCi"])} ({c["passed"]}/{c["total"]}), "
                + $"rubric mean {Number(rubric["mean"])} {NumberCi(rubric["meanCi"])} ({rubric["judged"]} judged, {rubric["inconclusive"]} inconclusive), "
                + $"{c["safety"]!["tagged"]!["failed"]} of {c["safety"]!["tagged"]!["total"]} safety-tagged cases failed";
        }
    }

    private IEnumerable<string> HallucinationLines() =>
        _eval["candidates"]!.AsArray().Select(c => $"- **grounded `{c!["candidateId"]}`**: {c["groundedness"]!["summary"]}");

    private string SelectLine()
    {
        var eliminated = _select["candidates"]!.AsArray()
            .Where(c => c!["eliminated"]!.GetValue<bool>())
            .Select(c => $"`{c!["candidateId"]}` out ({string.Join("; ", c["eliminatedBecause"]!.AsArray().Select(r => r!.ToString()))})");
        var winner = _select["winner"]?.ToString();
        var passes = _select["candidates"]!.AsArray().FirstOrDefault(c => c!["candidateId"]!.ToString() == winner)?["passesShipGate"]?.GetValue<bool>() == true;
        return $"- **select** ({_select["readiness"]!["label"]}): winner `{winner ?? "none"}`"
            + (winner is null ? "" : passes ? ", passes the ship gate" : ", does not pass the ship gate yet")
            + (eliminated.Any() ? "; " + string.Join("; ", eliminated) : "");
    }

    private string CostLine()
    {
        var e = _cost["economics"]!;
        return $"- **cost** ({_cost["readiness"]!["label"]}) of `{_cost["candidateId"]}`: {Usd(e["costPerRequest"]!["value"])} a request "
            + $"({Usd(e["modelCostPerRequest"]!["value"])} model, {Usd(e["otherCostPerRequest"]!["value"])} other, {Usd(e["onlineJudgeCostPerRequest"]!["value"])} online judge), "
            + $"{Usd(e["costPerUserPerMonth"]!["value"])} per user per month, {Percent(e["shareOfRevenue"], "0.000%")} of revenue, {Usd(e["featureCostPerMonth"]!["value"])} a month";
    }

    private string ScaleLine() =>
        "- **scale**: " + string.Join("; ", _cost["projections"]!.AsArray().Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p!["multiple"]}× ({p["users"]!.GetValue<long>():N0} users): {Usd(p["monthlyCost"])} a month, {Percent(p["shareOfRevenue"], "0.000%")} of revenue")));

    private string RiskLine()
    {
        var b = _risk["budget"]!;
        return $"- **risk** ({(_risk["readiness"]!["status"]!.ToString() == "ready" ? "READY" : "NOT READY")}): {b["hallucinated"]} hallucinations in {b["checked"]} checks ({b["inconclusive"]} inconclusive), "
            + $"≤ {Percent(b["upperBound"]?["value"])} at 95% against a {Percent(b["maxRate"]!["value"])} budget, which needs {b["casesNeeded"]?["value"]} clean checks";
    }

    private string LaunchLine()
    {
        var notReady = _launch["parts"]!.AsArray().Where(p => p!["status"]!.ToString() != "READY").Select(p => $"{p!["name"]} ({p["status"]})").ToList();
        var parts = notReady.Count == 0
            ? "every part ready"
            : string.Create(CultureInfo.InvariantCulture, $"{notReady.Count} of {_launch["parts"]!.AsArray().Count} parts not ready: {string.Join(", ", notReady)}");
        return string.Create(CultureInfo.InvariantCulture, $"- **launch**: {_launch["verdict"]} (exit {_codes["launch"]}) for `{_launch["candidate"]}`; {parts}");
    }

    private string RolloutLine()
    {
        var rollout = _launch["parts"]!.AsArray().Single(p => p!["name"]!.ToString().StartsWith("Rollout", StringComparison.Ordinal))!["detail"]!;
        var stages = rollout["stages"]!.AsArray().Select(s => s!["minRequests"] is { } requests
            ? string.Create(CultureInfo.InvariantCulture, $"{s["name"]} {requests.GetValue<long>():N0} requests / {s["minChecks"]} checks")
            : $"{s["name"]} (last stage)");
        return "- **rollout**: " + string.Join(", ", stages);
    }

    private static string Wrap(List<string> lines)
    {
        var sb = new StringBuilder().Append(Start).Append('\n');
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.Append(End).ToString();
    }

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(file))!;

    private static double D(JsonNode? n) => n!.GetValue<double>();

    private static string Number(JsonNode? n) => D(n).ToString("0.00", CultureInfo.InvariantCulture);

    private static string NumberCi(JsonNode? ci) => $"[{Number(ci!["low"])}, {Number(ci["high"])}]";

    private static string Percent(JsonNode? n, string format = "0.0%") => D(n).ToString(format, CultureInfo.InvariantCulture);

    private static string PercentCi(JsonNode? ci) => $"[{Percent(ci!["low"])}, {Percent(ci["high"])}]";

    /// <summary>Dollars with cents from $1, else two significant digits ($0.00020).</summary>
    private static string Usd(JsonNode? n)
    {
        var v = (decimal)D(n);
        if (v == 0)
        {
            return "$0";
        }

        if (v >= 1)
        {
            return v.ToString("$#,##0.00", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(2, 1 - (int)Math.Floor(Math.Log10((double)v)));
        return "$" + Math.Round(v, decimals).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
