using System.Globalization;
using System.Text;
using Shipgate.Cost;
using Shipgate.Reports;
using Shipgate.Specs;
using static Shipgate.Reports.HtmlPage;

namespace Shipgate.Selection;

/// <summary>
/// The "Model selection" <c>&lt;section&gt;</c> of the HTML reports: the matrix with each figure's source, the decision,
/// and a quality-vs-cost scatter (inline SVG) with the Pareto front drawn as a line and dominated points set apart.
/// </summary>
public static class SelectionHtml
{
    private const int Width = 640;
    private const int Height = 360;
    private const int Left = 70;
    private const int Right = 30;
    private const int Top = 20;
    private const int Bottom = 50;

    public static string Render(SelectionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var a = analysis;
        var sb = new StringBuilder();
        sb.Append("<section class=\"selection\"><h2>Model selection</h2>");
        sb.Append($"<p class=\"lead\"><span class=\"verdict {(a.Readiness.Ready ? "ship" : "noship")}\">{E(a.Readiness.Label)}</span> {E(a.Readiness.Summary)}</p>");
        foreach (var w in a.Warnings)
        {
            sb.Append($"<p class=\"warn\">{E(w)}</p>");
        }

        if (a.Requirements.Count > 0)
        {
            sb.Append("<h3>Requirements</h3><table class=\"checks\"><tr><th>requirement</th><th>weight</th><th>hard</th><th>target</th></tr>");
            foreach (var r in a.Requirements)
            {
                sb.Append($"<tr><td>{E(r.Key)}</td><td class=\"num\">{r.Weight}</td><td>{(r.Hard ? "yes" : "no")}</td><td>{E(SelectionMarkdown.Target(r))} <span class=\"src\">declared, shipgate.yaml selection.requirements.{E(r.Key)}</span></td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("<h3>Matrix</h3><div class=\"scroll\"><table><tr><th>candidate</th><th>tier</th>");
        sb.Append($"<th>{E(CaseQuality.Name(a.Metric))}</th><th>p95 latency</th><th>cost/request</th>");
        var kinds = a.Requirements.Select(r => r.Kind).OrderBy(k => k).ToList();
        foreach (var k in kinds)
        {
            sb.Append($"<th>{E(SelectionRequirement.KeyOf(k))} ×{a.Requirements.First(r => r.Kind == k).Weight}</th>");
        }

        sb.Append("<th>total</th><th>status</th></tr>");
        foreach (var c in a.Candidates)
        {
            var cls = c.CandidateId == a.Winner ? "pass" : c.Eliminated ? "fail" : "";
            sb.Append($"<tr class=\"{cls}\"><td>{E(c.CandidateId)}{(c.OfflineStandIn ? " <span class=\"standin\">offline stand-in</span>" : "")}<br><span class=\"src\">{E(c.Provider)}</span></td>");
            sb.Append($"<td>{E(SelectionMarkdown.Tier(c.Tier))}</td>");
            sb.Append($"<td class=\"num\">{E(SelectionMarkdown.Quality(c, a.Metric))}<br>{Src(c.QualitySource)}</td>");
            sb.Append($"<td class=\"num\">{E(SelectionAnalyzer.Ms(c.P95LatencyMs))}<br>{Src(c.LatencySource)}</td>");
            sb.Append($"<td class=\"num\">{E(MoneyFormat.Usd(c.CostPerRequest))}<br>{Src(c.CostSource)}</td>");
            foreach (var k in kinds)
            {
                var s = c.Scores.FirstOrDefault(x => x.Kind == k);
                sb.Append(s is null
                    ? "<td>–</td>"
                    : $"<td class=\"num{(s.Met ? "" : " bad")}\" title=\"{E(s.Failure ?? s.Value)}\">{s.Score.ToString("0.00", CultureInfo.InvariantCulture)}<br><span class=\"src\">{E(s.Value)}; {E(s.Source.ToString())}</span></td>");
            }

            var status = c.CandidateId == a.Winner ? "winner" : c.Eliminated ? "out: " + string.Join("; ", c.EliminatedBecause) : "shortlisted";
            sb.Append($"<td class=\"num\">{SelectionAnalyzer.Points(c.Total)} / {SelectionAnalyzer.Points(c.MaxTotal)}</td><td>{E(status)}</td></tr>");
        }

        sb.Append("</table></div>");
        if (a.CostScale is { } scale)
        {
            sb.Append($"<p class=\"src\">cost scale: {E(scale)}</p>");
        }

        sb.Append("<div class=\"decision\"><h3>Decision</h3><ul>");
        sb.Append($"<li>{(a.Winner is null ? "no winner: no candidate passes every hard constraint" : $"winner: <strong>{E(a.Winner)}</strong>")}</li>");
        sb.Append($"<li>robustness: {E(a.Robustness.Statement)}</li>");
        sb.Append($"<li>vendors: {E(a.Vendors.Statement)}</li>");
        sb.Append($"<li>router: {E(a.RouterDetail.Statement)}</li></ul></div>");
        sb.Append(Chart(a));
        sb.Append("</section>");
        return sb.ToString();
    }

    private static string Src(Provenance p) => $"<span class=\"src\">{E(p.ToString())}</span>";

    /// <summary>Quality (y) against cost per request (x); the front joins the non-dominated points from cheapest to dearest.</summary>
    internal static string Chart(SelectionAnalysis a)
    {
        var points = a.Candidates.Where(c => c.Quality is not null && c.CostPerRequest is not null).ToList();
        if (points.Count == 0)
        {
            return "<p class=\"muted\">No quality-vs-cost chart: no candidate has both a measured quality and a cost.</p>";
        }

        var (scaleMin, scaleMax) = CaseQuality.Scale(a.Metric);
        var maxCost = (double)points.Max(p => p.CostPerRequest!.Value);
        maxCost = maxCost <= 0 ? 1 : maxCost * 1.1;
        double X(decimal cost) => Left + ((double)cost / maxCost * (Width - Left - Right));
        double Y(double q) => Top + ((scaleMax - q) / (scaleMax - scaleMin) * (Height - Top - Bottom));
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.Append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\" aria-label=\"quality against cost per request\">");
        for (var i = 0; i <= 4; i++)
        {
            var q = scaleMin + ((scaleMax - scaleMin) * i / 4);
            sb.Append($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(q))}\" y2=\"{N(Y(q))}\"/>");
            sb.Append($"<text class=\"tick\" x=\"{Left - 6}\" y=\"{N(Y(q) + 4)}\" text-anchor=\"end\">{q.ToString(a.Metric == QualityMetric.RubricMean ? "0" : "0.00", CultureInfo.InvariantCulture)}</text>");
            var cost = (decimal)(maxCost * i / 4);
            sb.Append($"<text class=\"tick\" x=\"{N(X(cost))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(MoneyFormat.Usd(cost))}</text>");
        }

        sb.Append($"<text class=\"label\" x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">cost per request (USD)</text>");
        sb.Append($"<text class=\"label\" x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{E(CaseQuality.Name(a.Metric))}</text>");

        var front = points.Where(p => p.OnParetoFront).OrderBy(p => p.CostPerRequest).ToList();
        if (front.Count > 1)
        {
            sb.Append("<polyline class=\"front\" points=\"").Append(string.Join(' ', front.Select(p => $"{N(X(p.CostPerRequest!.Value))},{N(Y(p.Quality!.Value))}"))).Append("\"/>");
        }

        foreach (var p in points)
        {
            var x = X(p.CostPerRequest!.Value);
            var y = Y(p.Quality!.Value);
            var title = E($"{p.CandidateId}: {SelectionMarkdown.Quality(p, a.Metric)} ({p.QualitySource}), {MoneyFormat.Usd(p.CostPerRequest)} ({p.CostSource})"
                + (p.Eliminated ? "; out: " + string.Join("; ", p.EliminatedBecause) : ""));
            if (p.Eliminated)
            {
                // Out of the running: grey and hollow, labelled, never on the front.
                sb.Append($"<circle class=\"out\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"2 2\"><title>{title}</title></circle>");
                sb.Append($"<text class=\"value out\" x=\"{N(x + 9)}\" y=\"{N(y - 6)}\" fill=\"#999\">{E(p.CandidateId)} (out)</text>");
                continue;
            }

            var cls = p.OnParetoFront ? "pareto" : "dominated";
            sb.Append($"<circle class=\"{cls}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{(p.CandidateId == a.Winner ? 7 : 5)}\"><title>{title}</title></circle>");
            sb.Append($"<text class=\"value\" x=\"{N(x + 9)}\" y=\"{N(y - 6)}\">{E(p.CandidateId)}{(p.CandidateId == a.Winner ? " ★" : "")}</text>");
        }

        sb.Append("</svg><figcaption>Quality against cost per request. Filled green points are on the Pareto front (joined by the line) of the candidates in the running: no other is both at least as good and at least as cheap. Blue points are dominated. Grey hollow points labelled (out) fail a hard constraint and are never on the front. ★ marks the winner.</figcaption></figure>");
        return sb.ToString();
    }
}
