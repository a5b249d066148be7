using Shipgate.Reports;

namespace Shipgate.Risk;

/// <summary>A rate (0-1) in the risk report and where it came from.</summary>
public readonly record struct RiskFigure(double Value, Provenance Source);
