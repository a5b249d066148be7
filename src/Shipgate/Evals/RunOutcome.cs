using Shipgate.Runs;

namespace Shipgate.Evals;

/// <summary>How a run ended. <see cref="Report"/> is built from everything stored for the run, including earlier sessions of a resumed run.</summary>
public sealed record RunOutcome(RunRecord Run, EvalReport Report, int ExecutedNow)
{
    public RunStatus Status => Run.Status;
}
