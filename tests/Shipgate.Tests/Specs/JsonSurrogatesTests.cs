using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class JsonSurrogatesTests
{
    [Theory]
    [InlineData("""{"a": "\ud800"}""", 1, 8)]
    [InlineData("""{"a": "x\udc00"}""", 1, 9)]
    [InlineData("{\n\"a\": \"\\ud83d\\u0041\"}", 2, 7)]
    [InlineData("""{"a": "\\\ud800"}""", 1, 10)]
    public void FindLone_LoneSurrogateEscape_ReturnsLineAndColumn(string json, int line, int column) =>
        Assert.Equal((line, column), JsonSurrogates.FindLone(json));

    [Theory]
    [InlineData("""{"a": "\ud83d\ude00 and \u00e9"}""")]
    [InlineData("""{"a": "\\ud800"}""")]
    [InlineData("""{"a": "\u12"}""")]
    [InlineData("")]
    public void FindLone_PairsEscapedBackslashesAndOtherEscapes_ReturnsNull(string json) =>
        Assert.Null(JsonSurrogates.FindLone(json));
}
