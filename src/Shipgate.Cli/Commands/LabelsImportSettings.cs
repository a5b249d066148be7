using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

internal sealed class LabelsImportSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("CSV or JSONL with case_id and score (1-5); optional run_id, candidate_id, repeat, criterion, note, labeler")]
    public string File { get; init; } = "";

    [CommandArgument(1, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder)")]
    public string Path { get; init; } = ".";

    [CommandOption("--run <ID>")]
    [Description("Run the labels belong to when a row has no run_id (default: latest)")]
    public string Run { get; init; } = "latest";

    [CommandOption("--labeler <NAME>")]
    [Description("Labeler for rows without one (default: $USER)")]
    public string? Labeler { get; init; }
}
