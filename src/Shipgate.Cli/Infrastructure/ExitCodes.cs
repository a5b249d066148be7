namespace Shipgate.Cli.Infrastructure;

/// <summary>Named exit codes; CI scripts depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>At least one candidate SHIPs (or the command succeeded).</summary>
    public const int Ship = 0;

    /// <summary>The run finished and no candidate passed the gate.</summary>
    public const int NoShip = 1;

    /// <summary>Invalid spec, options or arguments.</summary>
    public const int Usage = 2;

    /// <summary>The run itself failed: provider down, auth refused, store unreadable.</summary>
    public const int RunFailed = 3;

    /// <summary>Ctrl+C: finished results are kept; resume with --resume.</summary>
    public const int Interrupted = 130;
}
