using System.Text;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecTextTests
{
    [Fact]
    public void Decode_InvalidUtf8_NamesLineAndColumnOfTheBadByte()
    {
        var errors = new List<SpecError>();
        byte[] bytes = [.. "a: 1\nbé: "u8, 0xC3, 0x28, .. "x\n"u8];

        var text = SpecText.Decode(bytes, "cases/a.yaml", errors);

        Assert.Null(text);
        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("cases/a.yaml", 2, 5), error.Location);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EncodedSurrogate_IsInvalidUtf8()
    {
        var errors = new List<SpecError>();

        var text = SpecText.Decode([.. "id: "u8, 0xED, 0xA0, 0x80], "a.yaml", errors);

        Assert.Null(text);
        Assert.Equal(new SourceLocation("a.yaml", 1, 5), Assert.Single(errors).Location);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 }, 1, 1)]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', (byte)'b', 0 }, 2, 2)]
    public void Decode_NulByte_IsABinaryFileError(byte[] bytes, int line, int column)
    {
        var errors = new List<SpecError>();

        Assert.Null(SpecText.Decode(bytes, "c.jsonl", errors));

        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("c.jsonl", line, column), error.Location);
        Assert.Contains("binary file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16_IsAnError()
    {
        var errors = new List<SpecError>();

        Assert.Null(SpecText.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1")).ToArray(), "a.yaml", errors));

        Assert.Contains("UTF-16", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8ByteOrderMark_IsDropped()
    {
        var errors = new List<SpecError>();

        Assert.Equal("a: 1", SpecText.Decode([0xEF, 0xBB, 0xBF, .. "a: 1"u8], "a.yaml", errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Decode_LargerThanTheLimit_IsAnError()
    {
        var errors = new List<SpecError>();

        Assert.Null(SpecText.Decode(new byte[SpecLimits.MaxFileBytes + 1], "big.jsonl", errors));

        var error = Assert.Single(errors);
        Assert.Equal(new SourceLocation("big.jsonl", 1, 1), error.Location);
        Assert.Contains("at most 16 MiB", error.Message, StringComparison.Ordinal);
    }

    // Escaped in the attribute and unescaped here: test runners mangle lone surrogates in theory data.
    [Theory]
    [InlineData(@"ok \uD83D\uDE00", -1)]
    [InlineData(@"a\uD800", 1)]
    [InlineData(@"\uDC00a", 0)]
    [InlineData(@"ab\uD83D", 2)]
    public void LoneSurrogate_FindsOnlyUnpairedHalves(string escaped, int expected) =>
        Assert.Equal(expected, SpecText.LoneSurrogate(System.Text.RegularExpressions.Regex.Unescape(escaped)));
}
