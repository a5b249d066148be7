namespace Shipgate.Cost;

/// <summary>How much work a cost lever takes.</summary>
public enum LeverEffort
{
    Low,
    Medium,
    High,
}
