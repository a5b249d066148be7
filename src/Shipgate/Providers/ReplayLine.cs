using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>One recorded answer of a replay file.</summary>
internal sealed record ReplayLine(string CaseId, int Repeat, string Output, double? LatencyMs, UsageDetails? Usage, int LineNumber);
