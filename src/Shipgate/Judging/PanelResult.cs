using Shipgate.Runs;

namespace Shipgate.Judging;

/// <summary>The combined verdict of every judge and repeat on one output, its pass and a reason a person can act on.</summary>
internal sealed record PanelResult(JudgeVerdict Verdict, bool Pass, string Reason);
