using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate select</c>: the decision settings plus writing or checking the decision record.</summary>
internal sealed class SelectSettings : DecisionSettings
{
    [CommandOption("--write")]
    [Description("Record the decision: <feature>/decisions/model-selection.md (+ .json snapshot) and <feature>/router-policy.json (overwritten)")]
    public bool Write { get; init; }

    [CommandOption("--check")]
    [Description("Evaluate the recorded decision's review triggers; exit 1 when a review is due, 0 when not, 2 when nothing is recorded")]
    public bool Check { get; init; }

    public override ValidationResult Validate()
    {
        if (Write && Check)
        {
            return ValidationResult.Error("--write and --check do different things; use one of them");
        }

        return base.Validate();
    }
}
