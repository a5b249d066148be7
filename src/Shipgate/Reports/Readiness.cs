namespace Shipgate.Reports;

/// <summary>
/// One framework's launch verdict: a one-line summary and the reasons behind it (each naming its number and source).
/// <c>shipgate launch</c> ships only when every part is <see cref="ReadinessStatus.Ready"/>.
/// </summary>
public sealed record Readiness(ReadinessStatus Status, string Summary, IReadOnlyList<string> Reasons)
{
    public bool Ready => Status == ReadinessStatus.Ready;

    public string Label => Status switch
    {
        ReadinessStatus.Ready => "READY",
        ReadinessStatus.NotReady => "NOT READY",
        _ => "NOT DECLARED",
    };
}
