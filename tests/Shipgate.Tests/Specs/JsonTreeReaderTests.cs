using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class JsonTreeReaderTests
{
    [Theory]
    [InlineData("""{"id": "a", "vars": {"q": "\ud800"}}""", 27)]
    [InlineData("""{"id": "a", "\udc00x": "q"}""", 13)]
    public void ReadLine_LoneSurrogateEscape_IsALocatedError(string line, int column)
    {
        var errors = new List<SpecError>();

        var node = JsonTreeReader.ReadLine(line, "cases.jsonl", 4, errors);

        Assert.Null(node);
        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("cases.jsonl", 4, column), error.Location);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLine_PairedSurrogateEscape_IsText()
    {
        var errors = new List<SpecError>();

        var node = JsonTreeReader.ReadLine("""{"q": "\ud83d\ude00"}""", "cases.jsonl", 1, errors);

        Assert.Empty(errors);
        Assert.Equal("\U0001F600", ((ScalarNode)((MappingNode)node!).Entries[0].Value).Value);
    }

    [Fact]
    public void ReadLine_NestingPastTheLimit_IsALocatedErrorNotAStackOverflow()
    {
        var errors = new List<SpecError>();

        var node = JsonTreeReader.ReadLine("""{"id": "a", "vars": """ + new string('[', 30_000), "cases.jsonl", 2, errors);

        Assert.Null(node);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("depth of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLine_ValuesPastTheFileLimit_IsALocatedError()
    {
        var errors = new List<SpecError>();
        var nodes = SpecLimits.MaxNodes - 3; // as if earlier lines of the file held nearly the limit

        var node = JsonTreeReader.ReadLine("""{"id": "a", "tags": ["x"]}""", "cases.jsonl", 9, errors, ref nodes);

        Assert.Null(node);
        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("cases.jsonl", 9, 22), error.Location);
        Assert.Contains("more than 4,000,000 values", error.Message, StringComparison.Ordinal);
    }
}
