namespace Shipgate.Reports;

/// <summary>What one framework says about launching: ready, not ready, or nothing declared to judge by.</summary>
public enum ReadinessStatus
{
    Ready,
    NotReady,

    /// <summary>The spec declares nothing for this framework; launch counts it as not ready and says what to add.</summary>
    NotDeclared,
}
