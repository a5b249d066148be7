using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings shared by the decision commands (select, cost, risk, launch): which run they read and where reports go.</summary>
internal class DecisionSettings : FeatureSettings
{
    [CommandOption("--run <RUN>")]
    [Description("Eval run to read: an id, a unique prefix, or 'latest' (default: the latest completed run of the feature)")]
    public string? Run { get; init; }

    [CommandOption("-f|--format <LIST>")]
    [Description("Report files to write, comma-separated: html, md, json, or none (default: html,md,json)")]
    public string Formats { get; init; } = "html,md,json";

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder for report files (default: <feature>/.shipgate/reports/<command>)")]
    public string? Output { get; init; }

    [CommandOption("--prices <FILE>")]
    [Description("Price catalog (ours or a LiteLLM price map JSON); default: the imported one in $SHIPGATE_HOME, else the bundled one")]
    public string? Prices { get; init; }

    public IReadOnlyList<string> FormatList =>
        Formats.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. Formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant())];

    public override ValidationResult Validate()
    {
        var known = new[] { "html", "md", "markdown", "json" };
        var unknown = FormatList.Where(f => !known.Contains(f)).ToList();
        return unknown.Count == 0
            ? ValidationResult.Success()
            : ValidationResult.Error($"unknown report format {string.Join(", ", unknown)}; use html, md, json or none");
    }
}
