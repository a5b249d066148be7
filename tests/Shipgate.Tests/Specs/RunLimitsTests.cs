using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class RunLimitsTests
{
    [Fact]
    public void CheckPlan_AtTheLimit_IsNullAndAboveItExplains()
    {
        Assert.Null(RunLimits.CheckPlan(10_000, 1, 100));
        Assert.Equal("the run would make 2,147,483,647,000 calls (1,000 cases × 1 candidates × 2,147,483,647 repeats); the limit is 1,000,000",
            RunLimits.CheckPlan(1_000, 1, int.MaxValue));
    }

    [Fact]
    public void CheckOptions_OutOfRange_ListsEachOption()
    {
        var problems = RunLimits.CheckOptions(100_000_000, 0, 4.9e-324, -1);

        Assert.Equal(4, problems.Count);
        Assert.Contains("--repeats must be between 1 and 100, got 100000000", problems);
        Assert.Contains(problems, p => p.StartsWith("--timeout must be between 0.01 and 86400 seconds", StringComparison.Ordinal));
        Assert.Empty(RunLimits.CheckOptions(3, 8, 30, 2));
    }
}
