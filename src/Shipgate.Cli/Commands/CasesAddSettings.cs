using System.ComponentModel;
using Shipgate.Suite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

internal sealed class CasesAddSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("JSONL of production traces or complaints: input, output, note, and optionally id, origin, tags, reference, context, assertions")]
    public string File { get; init; } = "";

    [CommandArgument(1, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder)")]
    public string Path { get; init; } = ".";

    [CommandOption("--to <FILE>")]
    [Description("YAML case file to append to, inside the feature folder and relative to it (default cases/production.yaml; created if missing)")]
    public string To { get; init; } = CaseImportOptions.DefaultTarget;

    [CommandOption("--duplicate-threshold <X>")]
    [Description("Cosine similarity (0-1) at which an item duplicates a case or an earlier item and is skipped (default 0.92)")]
    public double DuplicateThreshold { get; init; } = 0.92;

    [CommandOption("--dry-run")]
    [Description("Show what would be added; write nothing")]
    public bool DryRun { get; init; }

    public override ValidationResult Validate() =>
        double.IsNaN(DuplicateThreshold) || DuplicateThreshold is < 0 or > 1
            ? ValidationResult.Error("--duplicate-threshold must be between 0 and 1")
            : ValidationResult.Success();
}
