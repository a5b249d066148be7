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
            b.Append("<ul>");
            foreach (var reason in r.Reasons)
            {
                b.Append($"<li>{E(reason)}</li>");
            }

            b.Append("</ul>\n");
        }

        b.Append($"<p>Run <code>{E(analysis.RunId)}</code>; costed candidate <code>{E(analysis.CandidateId)}</code> ({E(analysis.CandidateReason)}). Prices: {E(analysis.CatalogSource)}, dated {analysis.CatalogDate:yyyy-MM-dd}{(analysis.CatalogStale ? " <strong>(stale)</strong>" : "")}.</p>\n");
        foreach (var w in analysis.Warnings)
        {
            b.Append($"<p class=\"warn\">⚠ {E(w)}</p>\n");
        }

        b.Append("<h3>Cost drivers per candidate</h3>\n<table><tr><th>candidate</th><th>requests</th><th>input tokens mean / p50 / p95</th><th>output tokens mean / p50 / p95</th><th>price</th><th>cost / request</th><th>p95</th></tr>\n");
        foreach (var c in analysis.Candidates)
        {
            b.Append($"<tr><td>{E(c.CandidateId)}{(c.OfflineStandIn ? " <span class=\"src\">offline stand-in</span>" : "")}</td><td>{c.Requests}</td>")
                .Append($"<td>{CostText.Stats(c.InputTokens)} <span class=\"src\">{E(c.TokenSource)}</span></td><td>{CostText.Stats(c.OutputTokens)}</td>")
                .Append($"<td>{E(CostText.Price(c.Price))} <span class=\"src\">{E(c.PriceSource.ToString())}</span></td>")
                .Append($"<td>{E(MoneyFormat.Usd(c.CostPerRequestMean?.Value))}</td><td>{E(MoneyFormat.Usd(c.CostPerRequestP95?.Value))}</td></tr>\n");
        }

        b.Append("</table>\n");
        if (analysis.Economics is { } e)
        {
            b.Append($"<h3>Unit economics of {E(analysis.CandidateId)}</h3>\n<table>");
            Row(b, "cost per request (model + other)", e.CostPerRequest);
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
            b.Append($"<tr><td>{E(l.Name)}</td><td>{CostText.ShareRange(l.ShareLow, l.ShareHigh)} <span class=\"src\">{E(l.Source.ToString())}</span></td><td>{E(CostText.MoneyRange(l.MonthlyLow, l.MonthlyHigh))}</td><td>{CostText.Effort(l.Effort)}</td><td>{E(l.Detail)}</td></tr>\n");
        }

        b.Append("</table>\n");
        if (analysis.Guardrails.Count > 0)
        {
            b.Append("<h3>Guardrails</h3>\n<table><tr><th>guardrail</th><th>proposed</th><th>declared</th><th>rule</th><th>check</th></tr>\n");
            foreach (var g in analysis.Guardrails)
            {
                b.Append($"<tr><td>{E(g.Name)}</td><td>{E(MoneyFormat.Usd(g.Proposed))} <span class=\"src\">{E(g.Source.ToString())}</span></td><td>{(g.Declared is { } d ? E(MoneyFormat.Usd(d)) : "—")}</td><td>{E(g.Rule)}</td><td>{(g.Problem is null ? "ok" : "⚠ " + E(g.Problem))}</td></tr>\n");
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
    /// Monthly AI cost (line) against users from 0 to the largest scale, over the revenue-share bands: under 15% of
    /// revenue healthy, 15-20% watch, above 20% problem (the band edges are the lines share × revenue per user × users).
    /// </summary>
    internal static string Chart(CostAnalysis analysis, UnitEconomics e)
    {
        const double w = 560, h = 260, left = 70, right = 20, top = 16, bottom = 40;
        var maxMultiple = analysis.Projections.Count > 0 ? analysis.Projections.Max(p => p.Multiple) : 10m;
        var maxUsers = (double)(e.Users * Math.Max(maxMultiple, 1m));
        var revenuePerUser = (double)e.RevenuePerUserPerMonth.Value;
        var costPerUser = (double)e.CostPerUserPerMonth.Value;
        var maxCost = Math.Max(costPerUser, revenuePerUser * 0.30) * maxUsers;
        if (maxCost <= 0 || maxUsers <= 0)
        {
            return "";
        }

        double X(double users) => left + (users / maxUsers * (w - left - right));
        double Y(double cost) => top + ((1 - (cost / maxCost)) * (h - top - bottom));
        string P(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        string Band(string css, double lowShare, double highShare) =>
            $"<polygon class=\"band {css}\" points=\"{P(X(0), Y(0))} {P(X(maxUsers), Y(Math.Min(maxCost, lowShare * revenuePerUser * maxUsers)))} {P(X(maxUsers), Y(Math.Min(maxCost, highShare * revenuePerUser * maxUsers)))}\"/>";
        var s = new StringBuilder();
        s.Append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 560 260\" role=\"img\" aria-label=\"Monthly AI cost against users\">");
        s.Append(Band("healthy", 0, 0.15)).Append(Band("watch", 0.15, 0.20));

        // Above the 20% line up to the top of the plot: the line never leaves the plot (its top is at least 30% of revenue).
        s.Append($"<polygon class=\"band problem\" points=\"{P(X(0), Y(0))} {P(X(maxUsers), Y(0.20 * revenuePerUser * maxUsers))} {P(X(maxUsers), Y(maxCost))} {P(X(0), Y(maxCost))}\"/>");
        s.Append($"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - right}\" y2=\"{h - bottom}\" stroke=\"currentColor\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{h - bottom}\" stroke=\"currentColor\"/>");
        s.Append($"<polyline class=\"line\" points=\"{P(X(0), Y(0))} {P(X(maxUsers), Y(Math.Min(maxCost, costPerUser * maxUsers)))}\"/>");
        foreach (var p in analysis.Projections)
        {
            s.Append($"<circle cx=\"{X(p.Users).ToString("0.#", CultureInfo.InvariantCulture)}\" cy=\"{Y((double)p.MonthlyCost).ToString("0.#", CultureInfo.InvariantCulture)}\" r=\"4\"><title>{CostText.Multiple(p.Multiple)}: {CostText.Users(p.Users)} users, {E(MoneyFormat.Usd(p.MonthlyCost))} a month</title></circle>");
            s.Append($"<text x=\"{X(p.Users).ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{(h - bottom + 14).ToString(CultureInfo.InvariantCulture)}\" font-size=\"11\" text-anchor=\"middle\">{CostText.Users(p.Users)}</text>");
        }

        s.Append($"<text x=\"{left - 6}\" y=\"{top + 10}\" font-size=\"11\" text-anchor=\"end\">{E(MoneyFormat.Usd((decimal)maxCost))}</text>");
        s.Append($"<text x=\"{left - 6}\" y=\"{h - bottom}\" font-size=\"11\" text-anchor=\"end\">$0</text>");
        s.Append($"<text x=\"{(left + w - right) / 2}\" y=\"{h - 6}\" font-size=\"11\" text-anchor=\"middle\">monthly active users</text>");
        s.Append("</svg><figcaption>Monthly AI cost of ").Append(E(analysis.CandidateId))
            .Append(" against users (0 to ").Append(CostText.Multiple(maxMultiple)).Append(" today's), over the revenue-share bands: green under 15% of revenue, amber 15-20%, red above 20%. Derived from the measured cost per request and the declared traffic and revenue.</figcaption></figure>\n");
        return s.ToString();
    }

    private static void Row(StringBuilder b, string name, CostFigure f) =>
        b.Append($"<tr><td>{E(name)}</td><td>{E(MoneyFormat.Usd(f.Value))} <span class=\"src\">{E(f.Source.ToString())}</span></td></tr>");

    private static string E(string text) => HtmlPage.E(text);
}
