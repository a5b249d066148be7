using Shipgate.Reports;

namespace Shipgate.Risk;

/// <summary>A count in the risk report (cases needed, a rollback window) and where it came from.</summary>
public readonly record struct RiskCount(int Value, Provenance Source);
