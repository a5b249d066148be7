using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Where and in which formats report files are written.</summary>
internal abstract class ReportOutputSettings : CommandSettings
{
    public abstract string Path { get; init; }

    [CommandOption("-f|--format <LIST>")]
    [Description("Report files to write, comma-separated: html, md, json, junit, or none (default: all)")]
    public string Formats { get; init; } = "html,md,json,junit";

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder for report files (default: <feature>/.shipgate/reports/<run-id>)")]
    public string? Output { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("Print only the verdict table")]
    public bool Quiet { get; init; }

    public IReadOnlyList<string> FormatList =>
        Formats.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. Formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant())];

    public override ValidationResult Validate()
    {
        var known = new[] { "html", "md", "markdown", "json", "junit" };
        var unknown = FormatList.Where(f => !known.Contains(f)).ToList();
        return unknown.Count == 0
            ? ValidationResult.Success()
            : ValidationResult.Error($"unknown report format {string.Join(", ", unknown)}; use html, md, json, junit or none");
    }
}
