using System.Globalization;
using System.Text;
using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>The unit-economics <c>&lt;section&gt;</c> of the HTML reports, with the monthly-cost-vs-users chart (inline SVG).</summary>
public static class CostHtml
{
    public static string Render(CostAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var b = new StringBuilder();
        var r = analysis.Readiness;
        b.Append("<section class=\"cost\">\n<h2>Unit economics</h2>\n");
        b.Append($"<p class=\"decision\"><strong>{E(r.Label)}</strong>: {E(r.Summary)}</p>\n");
        if (r.Reasons.Count > 0)
        {
            b.Append(r.Status == ReadinessStatus.NotReady ? "<p>What blocks:</p>" : "<p>Notes:</p>").Append("<ul>");
            foreach (var reason in r.Reasons)
            {
                b.Append($"<li>{E(reason)}</li>");
            }

            b.Append("</ul>\n");
        }

        b.Append($"<p>Run <code>{E(analysis.RunId)}</code>; costed candidate <code>{E(analysis.CandidateId)}</code> ({E(analysis.CandidateReason)}). Prices: {E(analysis.CatalogSource)}, prices as of {CostText.Date(analysis.CatalogDate)}{(analysis.CatalogStale ? " <strong>(stale)</strong>" : "")}.</p>\n");
        foreach (var w in analysis.Warnings.Except(r.Reasons))
        {
            b.Append($"<p class=\"warn\">⚠ {E(w)}</p>\n");
        }

        b.Append("<h3>Cost drivers per candidate</h3>\n<table><tr><th>candidate</th><th>requests</th><th>input tokens mean / p50 / p95</th><th>output tokens mean / p50 / p95</th><th>price</th><th>cost / request</th><th>p95</th></tr>\n");
        foreach (var c in analysis.Candidates)
        {
            b.Append($"<tr><td>{E(c.CandidateId)}{(c.OfflineStandIn ? " <span class=\"src\">offline stand-in</span>" : "")}</td><td>{CostText.Users(c.Requests)}</td>")
                .Append($"<td>{CostText.Stats(c.InputTokens)} <span class=\"src\">{E(c.TokenSource)}</span></td><td>{CostText.Stats(c.OutputTokens)}</td>")
                .Append($"<td>{E(CostText.Price(c.Price))} <span class=\"src\">{E(c.PriceSource.ToString())}</span></td>")
                .Append($"<td>{E(MoneyFormat.Usd(c.CostPerRequestMean?.Value))}</td><td>{E(MoneyFormat.Usd(c.CostPerRequestP95?.Value))}</td></tr>\n");
        }

        b.Append("</table>\n");
        if (analysis.Economics is { } e)
        {
            b.Append($"<h3>Unit economics of {E(analysis.CandidateId)}</h3>\n<table>");
            Row(b, "cost per request (model + other + online judge)", e.CostPerRequest);
            b.Append($"<tr><td>online judge per request (sampled)</td><td>{E(MoneyFormat.Usd(e.OnlineJudgeCostPerRequest?.Value))} <span class=\"src\">{E(e.OnlineJudge)}</span></td></tr>");
            Row(b, "cost per user per month", e.CostPerUserPerMonth);
            Row(b, "feature cost per month", e.FeatureCostPerMonth);
            Row(b, "revenue per user per month", e.RevenuePerUserPerMonth);
            b.Append($"<tr><td>AI cost as % of revenue</td><td>{CostText.Share(e.ShareOfRevenue)} <span class=\"band-label {CostBands.Css(e.Band)}\">{E(CostBands.Label(e.Band))}</span></td></tr>");
            Row(b, "margin per user per month", e.MarginPerUser);
            b.Append("</table>\n<h3>At scale</h3>\n<table><tr><th>scale</th><th>users</th><th>monthly AI cost</th><th>% of revenue</th><th>margin per user</th><th>monthly margin after AI</th></tr>");
            foreach (var p in analysis.Projections)
            {
                b.Append($"<tr><td>{CostText.Multiple(p.Multiple)}</td><td>{CostText.Users(p.Users)}</td><td>{E(MoneyFormat.Usd(p.MonthlyCost))}</td><td>{CostText.Share(p.ShareOfRevenue)} ({E(CostBands.Label(p.Band))})</td><td>{E(MoneyFormat.Usd(p.MarginPerUser))}</td><td>{E(MoneyFormat.Usd(p.MonthlyMargin))}</td></tr>");
            }

            b.Append("</table>\n<p class=\"src\">derived: measured cost per request × declared traffic; cost per request held constant (no volume discounts)</p>\n");
            b.Append(Chart(analysis, e));
        }

        b.Append("<h3>Optimisation levers</h3>\n<table><tr><th>lever</th><th>saving</th><th>per month</th><th>effort</th><th>detail</th></tr>\n");
        foreach (var l in analysis.Levers)
        {
            b.Append($"<tr><td>{E(l.Name)}</td><td>{E(CostText.Saving(l))} <span class=\"src\">{E(l.Source.ToString())}</span></td><td>{E(CostText.Monthly(l))}</td><td>{CostText.Effort(l.Effort)}</td><td>{E(CostText.Detail(l))}</td></tr>\n");
        }

        b.Append("</table>\n");
        if (analysis.Guardrails.Count > 0)
        {
            b.Append("<h3>Guardrails</h3>\n<table><tr><th>guardrail</th><th>proposed</th><th>declared</th><th>rule</th><th>check</th></tr>\n");
            foreach (var g in analysis.Guardrails)
            {
                b.Append($"<tr><td>{E(g.Name)}</td><td>{E(MoneyFormat.Usd(g.Proposed))} <span class=\"src\">{E(g.Source.ToString())}</span></td><td>{(g.Declared is { } d ? E(MoneyFormat.Usd(d)) : "—")}</td><td>{E(g.Rule)}</td><td>{E(CostText.Check(g))}</td></tr>\n");
            }

            b.Append("</table>\n");
        }

        b.Append("</section>\n");
        return b.ToString();
    }

    /// <summary>A full self-contained page for <c>shipgate cost -f html</c>.</summary>
    public static string Page(CostAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return HtmlPage.Wrap($"Cost: {analysis.Feature}", $"<h1>Cost report: {E(analysis.Feature)}</h1>\n" + Render(analysis));
    }

    /// <summary>
    /// Monthly AI cost (line) against users from 0 to the largest scale, with the declared monthly budget (dashed) and
    /// the revenue-share bands behind: under 15% of revenue healthy, 15-20% watch, above 20% problem (the band edges
    /// are the lines share × revenue per user × users). The y-axis spans the data (the cost line and the budget), not
    /// the bands, so a healthy line is not flattened onto zero; the band edges show only where they cross the plot.
    /// </summary>
    internal static string Chart(CostAnalysis analysis, UnitEconomics e)
    {
        const double w = 600, h = 280, top = 18, bottom = 40, charWidth = 6.6;
        var maxMultiple = analysis.Projections.Count > 0 ? analysis.Projections.Max(p => p.Multiple) : 10m;
        var maxUsers = (double)(e.Users * Math.Max(maxMultiple, 1m));
        var revenuePerUser = (double)e.RevenuePerUserPerMonth.Value;
        var costPerUser = (double)e.CostPerUserPerMonth.Value;
        var budget = analysis.Guardrails.FirstOrDefault(g => g.Name == "monthly budget")?.Declared is { } declared ? (double)declared : (double?)null;
        var topCost = Math.Max(costPerUser * maxUsers, budget ?? 0);
        if (topCost <= 0 || maxUsers <= 0)
        {
            return "";
        }

        var (maxCost, step) = NiceAxis(topCost * 1.1);
        var yTicks = Enumerable.Range(0, (int)Math.Round(maxCost / step) + 1).Select(i => i * step).ToList();
        var yLabels = yTicks.Select(AxisMoney).ToList();
        var xTicks = analysis.Projections.Select(p => (double)p.Users).Prepend(0).Distinct().ToList();
        var xLabels = xTicks.Select(u => CostText.Users((long)u)).ToList();

        // Margins wide enough for the longest label, so nothing is clipped at the SVG's edges.
        var left = 10 + (yLabels.Max(l => l.Length) * charWidth);
        var right = Math.Max(16, (xLabels[^1].Length * charWidth / 2) + 6);
        double X(double users) => left + (users / maxUsers * (w - left - right));
        double Y(double cost) => top + ((1 - (Math.Min(cost, maxCost) / maxCost)) * (h - top - bottom));
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string P(double x, double y) => $"{N(x)},{N(y)}";

        // Where the line share × revenue × users leaves the plot: at the right edge, or at the top when it is steeper.
        (double Users, double Cost) EdgeEnd(double share)
        {
            var atRight = share * revenuePerUser * maxUsers;
            return atRight <= maxCost ? (maxUsers, atRight) : (maxCost / (share * revenuePerUser), maxCost);
        }

        // Everything below an edge line, clipped to the plot.
        string Below(string css, double share)
        {
            var (u, c) = EdgeEnd(share);
            var corner = u < maxUsers ? $" {P(X(maxUsers), Y(maxCost))}" : "";
            return $"<polygon class=\"band {css}\" points=\"{P(X(0), Y(0))} {P(X(u), Y(c))}{corner} {P(X(maxUsers), Y(0))}\"/>";
        }

        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(w)} {N(h)}\" role=\"img\" aria-label=\"Monthly AI cost against users\">");

        // Painted back to front: the whole plot is the problem band, then watch (below 20%), then healthy (below 15%).
        s.Append($"<polygon class=\"band problem\" points=\"{P(X(0), Y(0))} {P(X(0), Y(maxCost))} {P(X(maxUsers), Y(maxCost))} {P(X(maxUsers), Y(0))}\"/>");
        s.Append(Below("watch", (double)CostBands.ProblemAbove)).Append(Below("healthy", (double)CostBands.WatchAbove));
        foreach (var edge in new[] { CostBands.WatchAbove, CostBands.ProblemAbove })
        {
            // Only an edge that visibly crosses the plot: one hugging the y-axis (cost far below it) would be noise.
            var (u, c) = EdgeEnd((double)edge);
            if (u < maxUsers * 0.05)
            {
                continue;
            }

            s.Append($"<line x1=\"{N(X(0))}\" y1=\"{N(Y(0))}\" x2=\"{N(X(u))}\" y2=\"{N(Y(c))}\" stroke=\"currentColor\" stroke-opacity=\"0.35\" stroke-dasharray=\"2 3\"/>");
            // Labelled where the edge leaves the plot: beside the top border, or just inside the right one.
            s.Append(u < maxUsers * 0.9
                ? $"<text x=\"{N(X(u) + 3)}\" y=\"{N(Y(c) + 10)}\" font-size=\"10\">{CostText.Share(edge)}</text>"
                : $"<text x=\"{N(X(u) - 4)}\" y=\"{N(Y(c) - 4)}\" font-size=\"10\" text-anchor=\"end\">{CostText.Share(edge)}</text>");
        }

        s.Append($"<line x1=\"{N(left)}\" y1=\"{N(h - bottom)}\" x2=\"{N(w - right)}\" y2=\"{N(h - bottom)}\" stroke=\"currentColor\"/><line x1=\"{N(left)}\" y1=\"{N(top)}\" x2=\"{N(left)}\" y2=\"{N(h - bottom)}\" stroke=\"currentColor\"/>");
        for (var i = 0; i < yTicks.Count; i++)
        {
            s.Append($"<text x=\"{N(left - 6)}\" y=\"{N(Y(yTicks[i]) + 4)}\" font-size=\"11\" text-anchor=\"end\">{E(yLabels[i])}</text>");
        }

        for (var i = 0; i < xTicks.Count; i++)
        {
            s.Append($"<text x=\"{N(X(xTicks[i]))}\" y=\"{N(h - bottom + 14)}\" font-size=\"11\" text-anchor=\"middle\">{xLabels[i]}</text>");
        }

        if (budget is { } b)
        {
            s.Append($"<line class=\"budget\" x1=\"{N(left)}\" y1=\"{N(Y(b))}\" x2=\"{N(w - right)}\" y2=\"{N(Y(b))}\" stroke=\"currentColor\" stroke-dasharray=\"6 4\"/>");
            s.Append($"<text x=\"{N(left + 4)}\" y=\"{N(Y(b) - 4)}\" font-size=\"11\">declared monthly budget {E(MoneyFormat.Usd((decimal)b))}</text>");
        }

        s.Append($"<polyline class=\"line\" points=\"{P(X(0), Y(0))} {P(X(maxUsers), Y(costPerUser * maxUsers))}\"/>");
        foreach (var p in analysis.Projections)
        {
            s.Append($"<circle cx=\"{N(X(p.Users))}\" cy=\"{N(Y((double)p.MonthlyCost))}\" r=\"4\"><title>{CostText.Multiple(p.Multiple)}: {CostText.Users(p.Users)} users, {E(MoneyFormat.Usd(p.MonthlyCost))} a month ({CostText.Share(p.ShareOfRevenue)} of revenue)</title></circle>");
        }

        s.Append($"<text x=\"{N((left + w - right) / 2)}\" y=\"{N(h - 6)}\" font-size=\"11\" text-anchor=\"middle\">monthly active users</text>");
        s.Append("</svg><figcaption>Monthly AI cost of ").Append(E(analysis.CandidateId))
            .Append(" against users (0 to ").Append(CostText.Multiple(maxMultiple)).Append(" today's)")
            .Append(budget is null ? "" : ", with the declared monthly budget (dashed)")
            .Append(", over the revenue-share bands: green under 15% of revenue, amber 15-20%, red above 20%. Derived from the measured cost per request and the declared traffic and revenue.</figcaption></figure>\n");
        return s.ToString();
    }

    /// <summary>An axis top of 1, 2, 2.5 or 5 × 10^k at or above <paramref name="value"/>, split into 4 or 5 steps.</summary>
    internal static (double Max, double Step) NiceAxis(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var (top, steps) in new[] { (1.0, 5), (2.0, 4), (2.5, 5), (5.0, 5), (10.0, 5) })
        {
            if (top * magnitude >= value * 0.999999)
            {
                return (top * magnitude, top * magnitude / steps);
            }
        }

        return (10 * magnitude, 2 * magnitude);
    }

    /// <summary>Short axis money: whole dollars from $10 ($1,000), else as <see cref="MoneyFormat"/>.</summary>
    private static string AxisMoney(double value) =>
        value == 0 ? "$0" : value >= 10 ? "$" + value.ToString("#,0", CultureInfo.InvariantCulture) : MoneyFormat.Usd((decimal)value);

    private static void Row(StringBuilder b, string name, CostFigure f) =>
        b.Append($"<tr><td>{E(name)}</td><td>{E(MoneyFormat.Usd(f.Value))} <span class=\"src\">{E(f.Source.ToString())}</span></td></tr>");

    private static string E(string text) => HtmlPage.E(text);
}
