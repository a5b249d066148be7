namespace Shipgate.Evals;

/// <summary>A confidence interval (95% unless stated).</summary>
public readonly record struct Interval(double Low, double High)
{
    public override string ToString() => $"[{Low:0.###}, {High:0.###}]";
}
