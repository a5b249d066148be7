using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("1", null, 1000)]
    [InlineData("2.5", null, 2500)]
    [InlineData("10", "250", 250)]          // retry-after-ms wins: it is more precise
    [InlineData(null, "1500", 1500)]
    public void Parse_SecondsOrMilliseconds_ReturnsWait(string? retryAfter, string? retryAfterMs, double expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfterParser.Parse(retryAfter, retryAfterMs, Now));

    [Fact]
    public void Parse_HttpDate_ReturnsTimeUntilThen() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterParser.Parse(Now.AddSeconds(30).ToString("r"), null, Now));

    [Fact]
    public void Parse_DateInThePast_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, RetryAfterParser.Parse(Now.AddMinutes(-1).ToString("r"), null, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Parse_MissingOrInvalid_ReturnsNull(string? value) => Assert.Null(RetryAfterParser.Parse(value, null, Now));
}
