using System.ComponentModel;
using OptionRange = System.ComponentModel.DataAnnotations.RangeAttribute;
using System.Globalization;
using Shipgate.Cli.Infrastructure;
using Shipgate.Specs;
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
    [Description("Monthly active users instead of economics.traffic.users (what-if), 1 to 10,000,000,000")]
    [OptionRange(1d, TrafficSpec.MaxUsers)]
    public long? Users { get; init; }

    public override ValidationResult Validate()
    {
        if (Users is < 1 or > TrafficSpec.MaxUsers)
        {
            return ValidationResult.Error(OptionErrors.Expected("--users", typeof(long), 1d, TrafficSpec.MaxUsers, Users.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return base.Validate();
    }
}
