using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of <c>shipgate prices import</c>.</summary>
internal sealed class PricesImportSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("LiteLLM's model_prices_and_context_window.json")]
    public string File { get; init; } = "";

    [CommandOption("--all")]
    [Description("Keep every mode with per-token prices (default: chat and completion models only)")]
    public bool All { get; init; }

    [CommandOption("--date <YYYY-MM-DD>")]
    [Description("Day the file's prices were published (default: the file's modification date, UTC)")]
    public string? Date { get; init; }

    public DateOnly? ParsedDate =>
        Date is not null && DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public override ValidationResult Validate() =>
        Date is not null && ParsedDate is null
            ? ValidationResult.Error($"--date must be yyyy-MM-dd, got '{Date}'")
            : ValidationResult.Success();
}
