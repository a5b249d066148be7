namespace Shipgate.Runs;

/// <summary>A line of <c>shipgate runs</c>.</summary>
public sealed record RunSummaryRow(RunRecord Run, int ResultCount, int PassedCount);
