using System.Diagnostics;
using System.Text;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class YamlTreeReaderTests
{
    /// <summary>"Billion laughs": nine levels of ten aliases each would expand to 10^9 values.</summary>
    private static string AliasBomb(int levels = 9)
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= levels; i++)
        {
            sb.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Read_AliasBomb_StopsAtTheAliasThatPassesTheLimit()
    {
        var errors = new List<SpecError>();
        var clock = Stopwatch.StartNew();

        var root = YamlTreeReader.Read(AliasBomb(), "bomb.yaml", errors, out var failed);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Null(root);
        Assert.True(failed);
        var error = Assert.Single(errors);
        Assert.Equal("bomb.yaml", error.Location.File);
        Assert.Equal(5, error.Location.Line); // 12,330 values before line 5; its 8th '*a3' (11,111 each) passes 100,000
        Assert.Equal(10 + (7 * 5), error.Location.Column);
        Assert.Contains("aliases expand to more than 100,000 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("'*a3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AliasesWithinTheLimit_ShareTheAnchoredValue()
    {
        var errors = new List<SpecError>();

        var root = YamlTreeReader.Read(AliasBomb(levels: 3), "ok.yaml", errors, out var failed);

        Assert.False(failed);
        Assert.Empty(errors);
        var map = Assert.IsType<MappingNode>(root);
        var a3 = Assert.IsType<SequenceNode>(map.Entries[3].Value);
        Assert.Same(map.Entries[2].Value, a3.Items[0]);
    }

    [Theory]
    [InlineData("key: ", "[", 30_000)]
    [InlineData("key: ", "{a: ", 20_000)]
    [InlineData("", "- ", 20_000)]
    public void Read_NestingPastTheLimit_IsALocatedErrorNotAStackOverflow(string prefix, string opener, int count)
    {
        var errors = new List<SpecError>();

        var root = YamlTreeReader.Read(prefix + string.Concat(Enumerable.Repeat(opener, count)) + "x\n", "deep.yaml", errors, out var failed);

        Assert.Null(root);
        Assert.True(failed);
        var error = Assert.Single(errors);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
        Assert.True(error.Location.Column > 64);
    }

    [Fact]
    public void Read_NestingJustBelowTheLimit_IsAccepted()
    {
        var errors = new List<SpecError>();

        // The root mapping is level 1, so 63 more brackets reach exactly the limit of 64.
        var root = YamlTreeReader.Read("key: " + new string('[', 63) + new string(']', 63) + "\n", "ok.yaml", errors, out var failed);

        Assert.False(failed);
        Assert.Empty(errors);
        Assert.NotNull(root);
    }

    [Fact]
    public void Read_LoneSurrogateEscape_IsALocatedError()
    {
        var errors = new List<SpecError>();

        YamlTreeReader.Read("a: ok\nb: \"x\\ud800\"\n", "s.yaml", errors, out _);

        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("s.yaml", 2, 4), error.Location);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreValuesThanTheLimit_StopsWithALocatedError()
    {
        var errors = new List<SpecError>();

        // The real limit is 4,000,000 values; a small one keeps the test fast and counts the same way.
        var root = YamlTreeReader.Read("a: 1\nk: [" + string.Concat(Enumerable.Repeat("1, ", 20)) + "1]\n", "many.yaml", errors, out var failed, maxNodes: 10);

        Assert.Null(root);
        Assert.True(failed);
        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("many.yaml", 2, 20), error.Location); // the 6th item is the 11th value
        Assert.Contains("more than 10 values", error.Message, StringComparison.Ordinal);
        Assert.NotNull(YamlTreeReader.Read("a: 1\nk: [1, 1, 1, 1, 1]\n", "ok.yaml", errors, out _, maxNodes: 10));
    }

    [Fact]
    public void Read_TheDefaultValueLimit_IsFourMillion() =>
        Assert.Equal(4_000_000, SpecLimits.MaxNodes);
}
