using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>Settings of <c>shipgate risk</c>: the decision settings plus which candidate's hallucination rate to judge.</summary>
internal sealed class RiskSettings : DecisionSettings
{
    [CommandOption("--candidate <ID>")]
    [Description("Candidate whose hallucination rate is compared with the budget (default: the recorded selection decision, else the selection winner, else the first passing the ship gate, else the first)")]
    public string? Candidate { get; init; }
}
