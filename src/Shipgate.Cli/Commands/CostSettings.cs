using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of <c>shipgate cost</c>.</summary>
internal sealed class CostSettings : DecisionSettings
{
    [CommandOption("--candidate <ID>")]
    [Description("Candidate to cost (default: the recorded selection decision, else the selection winner, else the first passing the ship gate, else the first)")]
    public string? Candidate { get; init; }

    [CommandOption("--users <N>")]
    [Description("Monthly active users instead of economics.traffic.users (what-if)")]
    public long? Users { get; init; }

    public override ValidationResult Validate()
    {
        if (Users is < 1)
        {
            return ValidationResult.Error("--users must be at least 1");
        }

        return base.Validate();
    }
}
