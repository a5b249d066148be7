using System.Net;
using System.Text;

namespace Shipgate.Reports;

/// <summary>
/// The shell of every self-contained HTML page Shipgate writes (eval report, select, cost, risk, launch): one stylesheet,
/// light and dark, no external resource. Sections append their own fragments; everything from data goes through <see cref="E"/>.
/// </summary>
internal static class HtmlPage
{
    /// <summary>A whole page: <paramref name="bodyHtml"/> must already be escaped where it holds data.</summary>
    public static string Wrap(string title, string bodyHtml, string? script = null)
    {
        var h = new StringBuilder(bodyHtml.Length + Css.Length + 512);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append(bodyHtml);
        if (script is not null)
        {
            h.Append("<script>").Append(script).Append("</script>\n");
        }

        return h.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>HTML-escapes text for element content and quoted attributes.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public const string Css = """

        :root { --fg:#1d2327; --muted:#6b7280; --bg:#ffffff; --panel:#f6f7f9; --line:#d9dde3; --ok:#137333; --okbg:#e6f4ea; --bad:#b3261e; --badbg:#fce8e6; --warn:#8a5a00; --warnbg:#fff4d6; --bar:#4c78a8; }
        @media (prefers-color-scheme: dark) { :root { --fg:#e6e6e6; --muted:#9aa0a6; --bg:#15171a; --panel:#1f2328; --line:#3a3f45; --ok:#81c995; --okbg:#1e3a28; --bad:#f28b82; --badbg:#3c1f1f; --warn:#fdd663; --warnbg:#3a3118; --bar:#7aa6d8; } }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 24px; max-width: 1400px; }
        h1 { font-size: 24px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 12px 0 6px; } h4 { font-size: 14px; margin: 0 0 4px; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        .lead { margin: 0 0 10px; font-size: 15px; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
        .meta dt { color: var(--muted); } .meta dd { margin: 0; }
        .verdict { display: inline-block; padding: 1px 10px; border-radius: 4px; font-weight: 700; font-size: 0.85em; letter-spacing: .03em; }
        .verdict.ship { background: var(--okbg); color: var(--ok); } .verdict.noship { background: var(--badbg); color: var(--bad); }
        .standin { display: inline-block; padding: 0 6px; border: 1px dashed var(--warn); color: var(--warn); border-radius: 4px; font-size: 0.8em; font-weight: 600; }
        .warnings { background: var(--warnbg); border-radius: 6px; padding: 4px 16px 8px; } .warnings h2 { border: 0; color: var(--warn); }
        .warn { color: var(--warn); } .bad { color: var(--bad); } .muted { color: var(--muted); }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: var(--panel); font-weight: 600; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.checks { width: auto; } tr.pass td:first-child { color: var(--ok); } tr.fail td:first-child { color: var(--bad); font-weight: 700; }
        .chart svg { max-width: 100%; height: auto; } .chart figcaption { color: var(--muted); font-size: 12px; } figure { margin: 8px 0 14px; }
        .grid { stroke: var(--line); } .tick, .value, .label { fill: var(--fg); font-size: 12px; } .tick { fill: var(--muted); }
        .bar.ship { fill: var(--ok); opacity: .75; } .bar.noship { fill: var(--bar); opacity: .8; } .whisker { stroke: var(--fg); stroke-width: 1.5; }
        .filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
        .filters input[type=search] { min-width: 320px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
        button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); color: var(--fg); cursor: pointer; }
        details.case { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
        details.case > summary { cursor: pointer; padding: 7px 10px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
        details.case[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
        .case-id { font-weight: 600; } .tag { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 0 7px; font-size: 12px; }
        .tag.safety { border-color: var(--bad); color: var(--bad); }
        .chips { margin-left: auto; display: flex; flex-wrap: wrap; gap: 4px; }
        .chip { border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; }
        .chip.pass { background: var(--okbg); color: var(--ok); } .chip.fail { background: var(--badbg); color: var(--bad); }
        .chip.error, .chip.pending { background: var(--warnbg); color: var(--warn); }
        .result { padding: 10px 12px; border-left: 4px solid var(--line); margin: 8px 10px; }
        .result.pass { border-left-color: var(--ok); } .result.fail { border-left-color: var(--bad); } .result.error { border-left-color: var(--warn); }
        .facts { color: var(--muted); margin: 0 0 6px; font-size: 12.5px; }
        pre.output, details.prompt pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 8px; white-space: pre-wrap; word-break: break-word; max-height: 420px; overflow: auto; margin: 4px 0; }
        .error { color: var(--bad); background: var(--badbg); padding: 6px 8px; border-radius: 4px; white-space: pre-wrap; }
        .decision { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 10px; margin: 10px 0; }
        .src { color: var(--muted); font-size: 11.5px; } .pareto { fill: var(--ok); } .dominated { fill: var(--bar); opacity: .6; } .front { stroke: var(--ok); stroke-width: 1.5; fill: none; }
        .line { stroke: var(--bar); stroke-width: 2; fill: none; } .band.healthy { fill: var(--okbg); } .band.watch { fill: var(--warnbg); } .band.problem { fill: var(--badbg); }
        td.cell { text-align: center; } td.cell.here { outline: 3px solid var(--fg); font-weight: 700; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }

        """;

}
