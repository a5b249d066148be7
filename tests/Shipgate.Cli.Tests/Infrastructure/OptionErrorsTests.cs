namespace Shipgate.Cli.Tests.Infrastructure;

/// <summary>Option values that do not convert get a message naming the option, what it takes and the value given.</summary>
public sealed class OptionErrorsTests
{
    [Theory]
    [InlineData(new[] { "cost", ".", "--users", "1e30" }, "--users must be a whole number between 1 and 10,000,000,000, got '1e30'")]
    [InlineData(new[] { "cost", ".", "--users=lots" }, "--users must be a whole number between 1 and 10,000,000,000, got 'lots'")]
    [InlineData(new[] { "eval", ".", "-j", "99999999999" }, "-j must be a whole number of at most 2,147,483,647, got '99999999999'")]
    [InlineData(new[] { "eval", ".", "--timeout", "soon" }, "--timeout must be a number, got 'soon'")]
    [InlineData(new[] { "compare", "latest", "--show", "1.5" }, "--show must be a whole number between 0 and 2,147,483,647, got '1.5'")]
    [InlineData(new[] { "cases", "add", "x.jsonl", "--duplicate-threshold", "high" }, "--duplicate-threshold must be a number between 0 and 1, got 'high'")]
    [InlineData(new[] { "review", ".", "-n", "ten" }, "-n must be a whole number between 1 and 2,147,483,647, got 'ten'")]
    public async Task Run_ValueDoesNotConvert_ExitsTwoNamingOptionAndWhatItTakes(string[] args, string message)
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 1);

        var code = await f.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to convert", f.Output, StringComparison.Ordinal);
    }
}
