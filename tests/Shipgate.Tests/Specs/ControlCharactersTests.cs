using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("plain text", false, "plain text")]
    [InlineData("red \u001b[31mX\u0007", false, "red \\x1B[31mX\\x07")]
    [InlineData("a\nb\tc", false, "a\nb\tc")]
    [InlineData("a\nb\tc", true, "a\\x0Ab\\x09c")]
    [InlineData("nul\0 del\u007f c1\u009b", false, "nul\\x00 del\\x7F c1\\x9B")]
    [InlineData("abc\u202Edef", false, "abc\\u202Edef")]
    public void Escape_WritesControlCharactersVisibly(string text, bool singleLine, string expected)
    {
        Assert.Equal(expected, ControlCharacters.Escape(text, singleLine));
    }
}
