using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("python3 answer.py", new[] { "python3", "answer.py" })]
    [InlineData("  bash   -c  'echo $HOME; ls'  ", new[] { "bash", "-c", "echo $HOME; ls" })]
    [InlineData("run \"two words\" \"say \\\"hi\\\"\"", new[] { "run", "two words", "say \"hi\"" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x ''", new[] { "x", "" })]
    public void Split_QuotesAndEscapes_FollowShellRules(string line, string[] expected) =>
        Assert.Equal(expected, CommandLineSplitter.Split(line));

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    public void Split_UnterminatedQuote_Throws(string line) => Assert.Throws<FormatException>(() => CommandLineSplitter.Split(line));
}
