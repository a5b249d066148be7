using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of every command that works on one feature folder.</summary>
internal class FeatureSettings : CommandSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder)")]
    public string Path { get; init; } = ".";
}
