using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using OptionRange = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Shipgate.Cli.Commands;

internal sealed class CompareSettings : CommandSettings
{
    [CommandArgument(0, "<RUN_A>")]
    [Description("Baseline run: id, unique prefix or 'latest'")]
    public string RunA { get; init; } = "";

    [CommandArgument(1, "[RUN_B]")]
    [Description("Run to compare with A (default: the same run, comparing two candidates). An existing folder or shipgate.yaml here is taken as PATH")]
    public string? RunB { get; init; }

    [CommandArgument(2, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder), as for every command")]
    public string? PathArgument { get; init; }

    [CommandOption("-p|--path <PATH>")]
    [Description("Same as the PATH argument (kept for scripts)")]
    public string? PathOption { get; init; }

    [CommandOption("-a|--candidate-a <ID>")]
    [Description("Candidate on side A (needed when the run has several)")]
    public string? CandidateA { get; init; }

    [CommandOption("-b|--candidate-b <ID>")]
    [Description("Candidate on side B (needed when the run has several)")]
    public string? CandidateB { get; init; }

    [CommandOption("--show <N>")]
    [Description("How many regressions and improvements to list (default 20)")]
    [OptionRange(0d, int.MaxValue)]
    public int Show { get; init; } = 20;

    public override ValidationResult Validate() =>
        Show < 0 ? ValidationResult.Error("--show must be 0 or more")
        : PathArgument is not null && PathOption is not null ? ValidationResult.Error("give the feature folder once: as the PATH argument or with --path, not both")
        : ValidationResult.Success();
}
