using System.Text;
using Shipgate.Reports;

namespace Shipgate.Cost;

/// <summary>The "## Unit economics" section of the cost and launch reports; every number with its source.</summary>
public static class CostMarkdown
{
    public static string Render(CostAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var b = new StringBuilder();
        b.AppendLine("## Unit economics").AppendLine();
        b.AppendLine($"**{analysis.Readiness.Label}**: {analysis.Readiness.Summary}").AppendLine();
        if (analysis.Readiness.Reasons.Count > 0)
        {
            b.AppendLine(analysis.Readiness.Status == ReadinessStatus.NotReady ? "What blocks:" : "Notes:").AppendLine();
        }

        foreach (var reason in analysis.Readiness.Reasons)
        {
            b.AppendLine($"- {reason}");
        }

        if (analysis.Readiness.Reasons.Count > 0)
        {
            b.AppendLine();
        }

        b.AppendLine($"Run `{analysis.RunId}`; costed candidate `{analysis.CandidateId}` ({analysis.CandidateReason}). Prices: {analysis.CatalogSource}, prices as of {CostText.Date(analysis.CatalogDate)}{(analysis.CatalogStale ? " — **stale**" : "")}.").AppendLine();
        foreach (var w in analysis.Warnings.Except(analysis.Readiness.Reasons))
        {
            b.AppendLine($"> ⚠ {w}").AppendLine();
        }

        b.AppendLine("### Cost drivers per candidate").AppendLine();
        b.AppendLine("| candidate | requests | input tokens (mean / p50 / p95) | output tokens (mean / p50 / p95) | cached input (mean) | tokens | price | cost / request (mean) | p95 | price source |");
        b.AppendLine("|---|---:|---:|---:|---:|---|---|---:|---:|---|");
        foreach (var c in analysis.Candidates)
        {
            var name = c.OfflineStandIn ? $"{c.CandidateId} (offline stand-in)" : c.CandidateId;
            b.AppendLine($"| {Cell(name)} | {CostText.Users(c.Requests)} | {CostText.Stats(c.InputTokens)} | {CostText.Stats(c.OutputTokens)} | {CostText.Tokens(c.CachedInputTokens.Mean)} | {Cell(c.TokenSource)} | {Cell(CostText.Price(c.Price))} | {MoneyFormat.Usd(c.CostPerRequestMean?.Value)} | {MoneyFormat.Usd(c.CostPerRequestP95?.Value)} | {Cell(c.PriceSource.ToString())} |");
        }

        b.AppendLine();
        if (analysis.Economics is { } e)
        {
            b.AppendLine($"### Unit economics of `{analysis.CandidateId}`").AppendLine();
            b.AppendLine("| figure | value | source |").AppendLine("|---|---:|---|");
            Row(b, "model cost per request", e.ModelCostPerRequest);
            Row(b, "other costs per request", e.OtherCostPerRequest);
            b.AppendLine($"| online judge per request (sampled) | {MoneyFormat.Usd(e.OnlineJudgeCostPerRequest?.Value)} | {Cell(e.OnlineJudgeCostPerRequest?.Source.ToString() ?? e.OnlineJudge)} |");
            Row(b, "cost per request", e.CostPerRequest);
            b.AppendLine($"| requests per user per month | {CostText.Number(e.RequestsPerUserPerMonth)} | declared, shipgate.yaml economics.traffic |");
            Row(b, "cost per user per month", e.CostPerUserPerMonth);
            b.AppendLine($"| monthly active users | {CostText.Users(e.Users)} | declared, shipgate.yaml economics.traffic.users |");
            Row(b, "feature cost per month", e.FeatureCostPerMonth);
            Row(b, "revenue per user per month", e.RevenuePerUserPerMonth);
            b.AppendLine($"| AI cost as % of revenue | {CostText.Share(e.ShareOfRevenue)} — {CostBands.Label(e.Band)} | derived, cost per user ÷ revenue per user |");
            Row(b, "margin per user per month", e.MarginPerUser);
            b.AppendLine();
            b.AppendLine("### At scale").AppendLine();
            b.AppendLine("| scale | users | monthly AI cost | monthly revenue | % of revenue | band | margin per user | monthly margin after AI |");
            b.AppendLine("|---:|---:|---:|---:|---:|---|---:|---:|");
            foreach (var p in analysis.Projections)
            {
                b.AppendLine($"| {CostText.Multiple(p.Multiple)} | {CostText.Users(p.Users)} | {MoneyFormat.Usd(p.MonthlyCost)} | {MoneyFormat.Usd(p.MonthlyRevenue)} | {CostText.Share(p.ShareOfRevenue)} | {CostBands.Label(p.Band)} | {MoneyFormat.Usd(p.MarginPerUser)} | {MoneyFormat.Usd(p.MonthlyMargin)} |");
            }

            b.AppendLine().AppendLine("Source: derived (measured cost per request × declared traffic; cost per request held constant, no volume discounts).").AppendLine();
        }

        b.AppendLine("### Optimisation levers").AppendLine();
        b.AppendLine("| lever | saving | per month | effort | source | detail |").AppendLine("|---|---:|---:|---|---|---|");
        foreach (var l in analysis.Levers)
        {
            b.AppendLine($"| {Cell(l.Name)} | {CostText.Saving(l)} | {CostText.Monthly(l)} | {CostText.Effort(l.Effort)} | {Cell(l.Source.ToString())} | {Cell(CostText.Detail(l))} |");
        }

        b.AppendLine();
        if (analysis.Guardrails.Count > 0)
        {
            b.AppendLine("### Guardrails").AppendLine();
            b.AppendLine("| guardrail | proposed | declared | rule | source | check |").AppendLine("|---|---:|---:|---|---|---|");
            foreach (var g in analysis.Guardrails)
            {
                b.AppendLine($"| {g.Name} | {MoneyFormat.Usd(g.Proposed)} | {(g.Declared is { } d ? MoneyFormat.Usd(d) : "—")} | {Cell(g.Rule)} | {Cell(g.Source.ToString())} | {Cell(CostText.Check(g))} |");
            }

            b.AppendLine();
        }

        return b.ToString();
    }

    private static void Row(StringBuilder b, string name, CostFigure f) => b.AppendLine($"| {name} | {MoneyFormat.Usd(f.Value)} | {Cell(f.Source.ToString())} |");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>A whole Markdown document for <c>shipgate cost -f md</c>.</summary>
    public static string Document(CostAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return $"# Cost report: {analysis.Feature}\n\n" + Render(analysis);
    }

    internal static string Source(Provenance p) => p.ToString();
}
