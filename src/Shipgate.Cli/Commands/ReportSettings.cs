using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

internal sealed class ReportSettings : ReportOutputSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("Run id, a unique prefix of one, or 'latest'")]
    public string Run { get; init; } = "latest";

    [CommandArgument(1, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder)")]
    public override string Path { get; init; } = ".";
}
