namespace Shipgate.Specs;

/// <summary>How several judges combine: the mean of their weighted means, or a majority of their pass verdicts.</summary>
public enum JudgeAggregate
{
    Mean,
    Majority,
}
