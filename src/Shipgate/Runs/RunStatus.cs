namespace Shipgate.Runs;

public enum RunStatus
{
    /// <summary>Started and not finished: killed, crashed or interrupted. <c>--resume</c> picks it up.</summary>
    Running,
    Completed,
    /// <summary>Stopped by the runner itself (auth failure, every call failing).</summary>
    Failed,
    /// <summary>Ctrl+C: finished results are kept; resumable.</summary>
    Interrupted,
}
