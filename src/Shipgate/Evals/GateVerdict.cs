namespace Shipgate.Evals;

/// <summary>SHIP when every check passes. Warnings never change the verdict but always show.</summary>
public sealed record GateVerdict(bool Ship, IReadOnlyList<GateCheck> Checks, IReadOnlyList<string> Warnings)
{
    public string Label => Ship ? "SHIP" : "NO-SHIP";
}
