using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Shipgate.Reports;
using Shipgate.Rollout;
using Shipgate.Specs;

namespace Shipgate.Launch;

/// <summary>The staged rollout plan as a launch part: one row per stage with its audience, length, gate, promotion and rollback.</summary>
internal static class RolloutPart
{
    public const string Name = "Rollout plan";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static LaunchPart Build(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new LaunchPart(Name, plan.Readiness, Markdown(plan), Html(plan), Json(plan));
    }

    public static string Audience(RolloutStagePlan s) => s.Audience switch
    {
        RolloutAudience.Shadow => "shadow (nobody sees answers)",
        RolloutAudience.Internal => "internal (employees)",
        _ => $"{s.TrafficPercent.ToString("0.##", Inv)}% of users",
    };

    public static string Length(RolloutStagePlan s)
    {
        if (s.MinRequests is not { } n)
        {
            return "ongoing";
        }

        var checks = s.MinChecks is { } c && c != n ? string.Create(Inv, $" ({c:#,0} checked)") : "";
        return s.ExpectedDays is { } d
            ? string.Create(Inv, $"≥ {n:#,0} requests{checks}, ~{d:0.#} days")
            : string.Create(Inv, $"≥ {n:#,0} requests{checks}, ≥ {s.MinDays:0.#} days");
    }

    private static string Markdown(RolloutPlan plan)
    {
        var md = new StringBuilder();
        md.AppendLine("## Rollout plan").AppendLine();
        md.AppendLine(plan.DefaultStages ? "The framework's stages: shadow → internal → 5% → 25% → 100%." : "Stages declared in shipgate.yaml (rollout.stages).");
        if (plan.ExpectedTotalDays is { } total)
        {
            md.AppendLine($"Expected time to 100%: about {total.ToString("0", Inv)} days at the declared traffic.");
        }

        md.AppendLine().AppendLine("| Stage | Audience | Length | Promote | Roll back |").AppendLine("|---|---|---|---|---|");
        foreach (var s in plan.Stages)
        {
            var length = Length(s) + (s.MinRequestsSource is { } src ? $" ({src})" : "") + (s.ExpectedDaysSource is { } days ? $"; days: {days}" : "");
            md.AppendLine($"| {MarkdownReportWriter.Cell(s.Name)} | {MarkdownReportWriter.Cell(Audience(s))} | {MarkdownReportWriter.Cell(length)} | {MarkdownReportWriter.Cell(s.Promotion)} | {MarkdownReportWriter.Cell(s.Rollback)} |");
        }

        var gates = plan.Gates;
        md.AppendLine().AppendLine("Every stage is watched on these gates (shadow has no user feedback, so it skips that one):").AppendLine();
        md.AppendLine("| Metric | Threshold | Source |").AppendLine("|---|---|---|");
        foreach (var g in gates)
        {
            md.AppendLine($"| {MarkdownReportWriter.Cell(g.Metric)} | {MarkdownReportWriter.Cell(g.Threshold)} | {MarkdownReportWriter.Cell(g.Source.ToString())} |");
        }

        if (plan.Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var n in plan.Notes)
            {
                md.Append("- ").AppendLine(MarkdownReportWriter.Inline(n));
            }
        }

        return md.ToString();
    }

    private static string Html(RolloutPlan plan)
    {
        var h = new StringBuilder();
        h.Append("<section class=\"decision\"><h2>Rollout plan</h2>\n<p>")
            .Append(plan.DefaultStages ? "The framework's stages: shadow → internal → 5% → 25% → 100%." : "Stages declared in shipgate.yaml (rollout.stages).");
        if (plan.ExpectedTotalDays is { } total)
        {
            h.Append(" Expected time to 100%: about ").Append(total.ToString("0", Inv)).Append(" days at the declared traffic.");
        }

        h.Append("</p>\n<div class=\"scroll\"><table><thead><tr><th>Stage</th><th>Audience</th><th>Length</th><th>Gate</th><th>Promote</th><th>Roll back</th></tr></thead><tbody>\n");
        foreach (var s in plan.Stages)
        {
            h.Append("<tr><td><b>").Append(HtmlPage.E(s.Name)).Append("</b></td><td>").Append(HtmlPage.E(Audience(s))).Append("</td><td>")
                .Append(HtmlPage.E(Length(s)));
            if (s.MinRequestsSource is { } src)
            {
                h.Append(" <span class=\"src\">(").Append(HtmlPage.E(src.ToString())).Append(")</span>");
            }

            if (s.ExpectedDaysSource is { } daysSource)
            {
                h.Append(" <span class=\"src\">(days: ").Append(HtmlPage.E(daysSource.ToString())).Append(")</span>");
            }

            h.Append("</td><td><ul>");
            foreach (var g in s.Gates)
            {
                h.Append("<li>").Append(HtmlPage.E(g.Metric)).Append(' ').Append(HtmlPage.E(g.Threshold))
                    .Append(" <span class=\"src\">(").Append(HtmlPage.E(g.Source.ToString())).Append(")</span></li>");
            }

            h.Append("</ul></td><td>").Append(HtmlPage.E(s.Promotion)).Append("</td><td>").Append(HtmlPage.E(s.Rollback)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table></div>\n");
        if (plan.Notes.Count > 0)
        {
            h.Append("<ul class=\"muted\">");
            foreach (var n in plan.Notes)
            {
                h.Append("<li>").Append(HtmlPage.E(n)).Append("</li>");
            }

            h.Append("</ul>\n");
        }

        return h.Append("</section>").ToString();
    }

    private static JsonObject Json(RolloutPlan plan) => new()
    {
        ["defaultStages"] = plan.DefaultStages,
        ["expectedTotalDays"] = plan.ExpectedTotalDays,
        ["status"] = plan.Readiness.Label,
        ["notes"] = new JsonArray([.. plan.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["stages"] = new JsonArray([.. plan.Stages.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["audience"] = s.Audience.ToString().ToLowerInvariant(),
            ["trafficPercent"] = s.TrafficPercent,
            ["minDays"] = s.MinDays,
            ["minChecks"] = s.MinChecks,
            ["minRequests"] = s.MinRequests,
            ["minRequestsSource"] = s.MinRequestsSource?.ToString(),
            ["expectedDays"] = s.ExpectedDays,
            ["expectedDaysSource"] = s.ExpectedDaysSource?.ToString(),
            ["promotion"] = s.Promotion,
            ["rollback"] = s.Rollback,
            ["gates"] = new JsonArray([.. s.Gates.Select(g => (JsonNode)new JsonObject
            {
                ["metric"] = g.Metric,
                ["threshold"] = g.Threshold,
                ["source"] = g.Source.ToString(),
            })]),
        })]),
    };
}
