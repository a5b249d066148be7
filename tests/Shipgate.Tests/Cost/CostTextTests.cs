using Shipgate.Cost;

namespace Shipgate.Tests.Cost;

public sealed class CostTextTests
{
    [Theory]
    [InlineData("0.00025", "0.025%")]  // a tiny share never reads 0.0%
    [InlineData("0.003", "0.3%")]
    [InlineData("0.0025", "0.25%")]
    [InlineData("0.0123", "1.2%")]
    [InlineData("0.125", "12.5%")]
    [InlineData("0.15", "15%")]
    [InlineData("0.63", "63%")]
    [InlineData("1", "100%")]
    [InlineData("0", "0%")]
    public void Share_TwoSignificantDigitsBelowOnePercent_OneDecimalAbove(string share, string expected) =>
        Assert.Equal(expected, CostText.Share(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Share_DoubleAndDecimal_AreTheSameFunction()
    {
        Assert.Equal(CostText.Share(0.00025m), CostText.Share(0.00025));
        Assert.Equal("80%", CostText.Share(0.8));
        Assert.Equal("40%-60%", CostText.ShareRange(0.40m, 0.60m));
    }

    [Theory]
    [InlineData("0.00000015", "$0.15")]
    [InlineData("0.000000075", "$0.075")]
    [InlineData("0.000015", "$15.00")]
    [InlineData("0.0000000375", "$0.0375")]
    [InlineData("0.0000006", "$0.60")]
    public void PerMillion_SameShapeInEveryRow(string perToken, string expected) =>
        Assert.Equal(expected, CostText.PerMillion(decimal.Parse(perToken, System.Globalization.CultureInfo.InvariantCulture)));
}
