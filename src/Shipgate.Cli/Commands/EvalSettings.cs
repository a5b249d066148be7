using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

internal sealed class EvalSettings : ReportOutputSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("Feature folder or its shipgate.yaml (default: the current folder)")]
    public override string Path { get; init; } = ".";

    [CommandOption("-c|--candidate <ID>")]
    [Description("Run only this candidate (repeatable)")]
    public string[] Candidates { get; init; } = [];

    [CommandOption("--repeats <N>")]
    [Description("Samples per case and candidate (overrides run.repeats)")]
    public int? Repeats { get; init; }

    [CommandOption("-j|--concurrency <N>")]
    [Description("Calls in flight at once (overrides run.concurrency)")]
    public int? Concurrency { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Per-attempt timeout (overrides run.timeout_seconds)")]
    public double? TimeoutSeconds { get; init; }

    [CommandOption("--retries <N>")]
    [Description("Retries on 429, 5xx and timeouts (overrides run.retries)")]
    public int? Retries { get; init; }

    [CommandOption("--no-cache")]
    [Description("Call every provider again instead of reusing cached responses")]
    public bool NoCache { get; init; }

    [CommandOption("--resume")]
    [Description("Finish the latest unfinished run (or --run ID): each pending case runs exactly once")]
    public bool Resume { get; init; }

    [CommandOption("--run <ID>")]
    [Description("With --resume: the run to finish")]
    public string? RunId { get; init; }

    public override ValidationResult Validate()
    {
        if (RunId is not null && !Resume)
        {
            return ValidationResult.Error("--run goes with --resume");
        }

        if (Resume && (Repeats is not null || Candidates.Length > 0))
        {
            return ValidationResult.Error("--resume finishes the run as it was planned; --repeats and --candidate cannot change it");
        }

        // Bounded like run: in the spec, so a typo fails here instead of exhausting memory mid-run.
        var problems = Shipgate.Specs.RunLimits.CheckOptions(Repeats, Concurrency, TimeoutSeconds, Retries);
        if (problems.Count > 0)
        {
            return ValidationResult.Error(string.Join("; ", problems));
        }

        return base.Validate();
    }
}
