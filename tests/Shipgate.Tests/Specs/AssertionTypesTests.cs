using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class AssertionTypesTests
{
    [Fact]
    public void AllNames_ContainsEachTypeAndItsNegation()
    {
        Assert.Equal(36, AssertionTypes.AllNames.Count);
        Assert.DoesNotContain("not-rubric", AssertionTypes.AllNames);
        Assert.Contains("grounded", AssertionTypes.AllNames);
        Assert.DoesNotContain("not-grounded", AssertionTypes.AllNames);
        Assert.Contains("not-icontains-any", AssertionTypes.AllNames);
        Assert.Contains("similar", AssertionTypes.AllNames);
    }

    [Theory]
    [InlineData("not-regex", "regex", true)]
    [InlineData("contains-all", "contains-all", false)]
    public void TryResolve_KnownName_SplitsNegation(string written, string type, bool negate)
    {
        Assert.True(AssertionTypes.TryResolve(written, out var info, out var negated));
        Assert.Equal(type, info.Name);
        Assert.Equal(negate, negated);
    }

    [Fact]
    public void TryResolve_DoubleNegation_IsUnknown()
    {
        Assert.False(AssertionTypes.TryResolve("not-not-regex", out _, out _));
    }
}
