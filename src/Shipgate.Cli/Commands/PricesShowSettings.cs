using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of <c>shipgate prices show</c>.</summary>
internal sealed class PricesShowSettings : CommandSettings
{
    [CommandArgument(0, "[FILTER]")]
    [Description("Show only models whose name or provider contains this text (case-insensitive)")]
    public string? Filter { get; init; }

    [CommandOption("--prices <FILE>")]
    [Description("Price catalog to show (default: the imported one, else bundled)")]
    public string? Prices { get; init; }
}
