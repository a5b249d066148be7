using Shipgate.Specs;
using Shipgate.Suite;

namespace Shipgate.Tests.Suite;

public sealed class ProductionItemReaderTests
{
    [Fact]
    public void Read_ValidLines_MapsFieldsAndDefaultsOrigin()
    {
        var errors = new List<SpecError>();
        var items = ProductionItemReader.Read(
            "{\"input\": \"hi\", \"output\": \"bad\", \"note\": \"n\", \"tags\": [\"billing\"], \"trace_id\": \"t-1\"}\n\n{\"input\": {\"question\": \"q\", \"count\": 3}, \"origin\": \"complaint\"}\n",
            "in.jsonl", errors);

        Assert.Empty(errors);
        Assert.Equal(2, items.Count);
        Assert.Equal("hi", items[0].InputText);
        Assert.Equal("production", items[0].Origin);
        Assert.Equal(["billing"], items[0].Tags);
        Assert.Equal(3, items[1].Line);
        Assert.Equal("complaint", items[1].Origin);
        Assert.Equal("3", items[1].InputVars!["count"]);
    }

    [Fact]
    public void Read_BadLines_ReportsEachWithItsLine()
    {
        var errors = new List<SpecError>();
        ProductionItemReader.Read("{\"input\": \"ok\"}\n{not json\n[1, 2]\n{\"output\": \"x\"}\n{\"input\": \"x\", \"ouput\": \"y\"}\n{\"input\": {\"q\": [1]}}\n", "in.jsonl", errors);

        Assert.Collection(
            errors,
            e => Assert.Equal(("in.jsonl:2:1", true), (e.Location.ToString(), e.Message.StartsWith("not valid JSON", StringComparison.Ordinal))),
            e => Assert.Equal(("in.jsonl:3:1", "expected a JSON object, got a list"), (e.Location.ToString(), e.Message)),
            e => Assert.Equal(("in.jsonl:4:1", "missing 'input'"), (e.Location.ToString(), e.Message)),
            e => Assert.Equal(("in.jsonl:5:1", "unknown field 'ouput'", "did you mean 'output'?"), (e.Location.ToString(), e.Message, e.Hint)),
            e => Assert.Equal(("in.jsonl:6:1", "var 'q' in 'input' is a list"), (e.Location.ToString(), e.Message)));
    }
}
