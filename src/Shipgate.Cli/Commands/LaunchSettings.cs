using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of <c>shipgate launch</c>.</summary>
internal sealed class LaunchSettings : DecisionSettings
{
    [CommandOption("--fresh")]
    [Description("Run the eval first even when a completed run of the current spec exists")]
    public bool Fresh { get; init; }

    [CommandOption("--candidate <ID>")]
    [Description("Candidate to launch (default: the selection winner, else the first passing the ship gate, else the first)")]
    public string? Candidate { get; init; }

    public override ValidationResult Validate() =>
        Fresh && Run is not null
            ? ValidationResult.Error("--fresh runs a new eval and --run reuses an old one: give one of them")
            : base.Validate();
}
