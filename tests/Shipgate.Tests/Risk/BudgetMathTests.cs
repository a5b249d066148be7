using Shipgate.Risk;
using Shipgate.Statistics;

namespace Shipgate.Tests.Risk;

public sealed class BudgetMathTests
{
    [Theory]
    [InlineData(0.10, 29)]
    [InlineData(0.05, 59)]
    [InlineData(0.02, 149)]
    [InlineData(0.01, 299)]
    [InlineData(0.001, 2995)]
    [InlineData(0.5, 5)]
    public void CasesNeededWithZeroFailures_KnownBudgets_SmallestCleanSuiteThatShowsIt(double maxRate, int expected)
    {
        var n = BudgetMath.CasesNeededWithZeroFailures(maxRate);

        Assert.Equal(expected, n);
        Assert.True(BinomialBounds.ZeroFailureUpperBound(expected) <= maxRate);
        Assert.True(BinomialBounds.ZeroFailureUpperBound(expected - 1) > maxRate);
    }

    [Fact]
    public void CasesNeededWithZeroFailures_ZeroBudget_NoSuiteCanShowIt()
    {
        Assert.Null(BudgetMath.CasesNeededWithZeroFailures(0));
    }

    [Fact]
    public void CasesNeededWithZeroFailures_TinyBudget_BeyondTheLimitIsNull()
    {
        Assert.Null(BudgetMath.CasesNeededWithZeroFailures(1e-7));
    }

    [Theory]
    [InlineData(0.01, 0.02)]
    [InlineData(0.005, 0.05)]
    [InlineData(0.03, 0.05)]
    public void CasesNeededAtRate_RateBelowBudget_FirstSizeWhoseWilsonUpperEndFits(double rate, double maxRate)
    {
        var n = BudgetMath.CasesNeededAtRate(rate, maxRate);

        Assert.NotNull(n);
        var events = (int)Math.Ceiling((rate * n.Value) - 1e-9);
        Assert.True(Proportion.Wilson(events, n.Value).High <= maxRate);
        var before = n.Value - 1;
        var eventsBefore = (int)Math.Ceiling((rate * before) - 1e-9);
        Assert.True(Proportion.Wilson(eventsBefore, before).High > maxRate);
    }

    [Theory]
    [InlineData(0.02, 0.02)]
    [InlineData(0.05, 0.02)]
    public void CasesNeededAtRate_RateNotBelowBudget_Null(double rate, double maxRate)
    {
        Assert.Null(BudgetMath.CasesNeededAtRate(rate, maxRate));
    }

    [Fact]
    public void RollbackWindow_BudgetBelowTrigger_WindowSeparatesThem()
    {
        var window = BudgetMath.RollbackWindow(0.02, 0.05);

        Assert.NotNull(window);
        var events = (int)Math.Ceiling(0.02 * window.Value);
        Assert.True(Proportion.Wilson(events, window.Value).High <= 0.05);
        Assert.True(window > 100);
    }

    [Fact]
    public void RollbackWindow_TriggerEqualsBudget_Null()
    {
        Assert.Null(BudgetMath.RollbackWindow(0.05, 0.05));
    }

    [Fact]
    public void RollbackWindow_WiderGapBetweenBudgetAndTrigger_SmallerWindow()
    {
        Assert.True(BudgetMath.RollbackWindow(0.01, 0.10) < BudgetMath.RollbackWindow(0.02, 0.05));
    }
}
