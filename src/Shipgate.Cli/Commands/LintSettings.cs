using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using OptionRange = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Shipgate.Cli.Commands;

internal sealed class LintSettings : FeatureSettings
{
    [CommandOption("--duplicate-threshold <X>")]
    [Description("Cosine similarity (0-1) at which two cases count as near-duplicates (default 0.95)")]
    [OptionRange(0d, 1d)]
    public double DuplicateThreshold { get; init; } = 0.95;

    [CommandOption("--stale-days <N>")]
    [Description("Days without a case added from production before lint warns (default 30)")]
    [OptionRange(1d, int.MaxValue)]
    public int StaleDays { get; init; } = 30;

    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    public string Format { get; init; } = "table";

    public bool Json => Format.Equals("json", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        if (!Json && !Format.Equals("table", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"unknown format '{Format}'; use table or json");
        }

        if (double.IsNaN(DuplicateThreshold) || DuplicateThreshold is < 0 or > 1)
        {
            return ValidationResult.Error("--duplicate-threshold must be between 0 and 1");
        }

        return StaleDays < 1 ? ValidationResult.Error("--stale-days must be at least 1") : ValidationResult.Success();
    }
}
