using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_MoreCellsThanTheLimit_StopsWithALocatedError()
    {
        var errors = new List<SpecError>();

        // One row of empty cells: four million commas would otherwise become four million located cells.
        CsvParser.Parse("id,q\n" + new string(',', (int)SpecLimits.MaxNodes), "cases.csv", errors);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("more than 4,000,000 cells", error.Message, StringComparison.Ordinal);
    }
}
