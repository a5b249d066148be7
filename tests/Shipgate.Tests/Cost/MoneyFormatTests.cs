using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData("0.0123", "$0.0123")]
    [InlineData("0.01", "$0.0100")]
    [InlineData("0.000042", "$0.000042")]
    [InlineData("0.00042123", "$0.00042")]
    [InlineData("0", "$0.00")]
    [InlineData("1234.5", "$1,234.50")]
    [InlineData("-0.5", "-$0.5000")]
    public void Usd_Value_FormatsWithSignificantDigits(string value, string expected)
    {
        Assert.Equal(expected, MoneyFormat.Usd(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Usd_Null_IsUnknownNotZero()
    {
        Assert.Equal("unknown (no pricing)", MoneyFormat.Usd((decimal?)null));
    }
}
