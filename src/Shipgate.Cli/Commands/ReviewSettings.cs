using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using OptionRange = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Shipgate.Cli.Commands;

internal sealed class ReviewSettings : FeatureSettings
{
    [CommandOption("--run <ID>")]
    [Description("Run to review: id, unique prefix or 'latest' (default)")]
    public string Run { get; init; } = "latest";

    [CommandOption("-n|--count <N>")]
    [Description("How many outputs to score in this session (default 20)")]
    [OptionRange(1d, int.MaxValue)]
    public int Count { get; init; } = 20;

    [CommandOption("--labeler <NAME>")]
    [Description("Who is scoring (default: $USER)")]
    public string? Labeler { get; init; }

    public override ValidationResult Validate() =>
        Count < 1 ? ValidationResult.Error("--count must be at least 1") : ValidationResult.Success();
}
