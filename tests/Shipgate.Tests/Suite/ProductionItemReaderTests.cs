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

    [Fact]
    public void Read_Context_TextOrListKept()
    {
        var errors = new List<SpecError>();
        var items = ProductionItemReader.Read(
            "{\"input\": \"hi\", \"context\": \"Refunds within 14 days.\"}\n{\"input\": \"hi\", \"context\": [\"Doc one.\", \"Doc two.\"]}\n{\"input\": \"hi\", \"context\": 3}\n",
            "in.jsonl", errors);

        Assert.Equal(["Refunds within 14 days."], items[0].Context);
        Assert.Equal(["Doc one.", "Doc two."], items[1].Context);
        var e = Assert.Single(errors);
        Assert.Equal(("in.jsonl:3:1", "'context' is a number"), (e.Location.ToString(), e.Message));
    }

    [Theory]
    [InlineData("{\"input\": \"a \\ud800 b\"}", 14)]
    [InlineData("{\"input\": \"x\", \"note\": \"\\udc00\"}", 25)]
    [InlineData("{\"input\": \"x\", \"\\ud800\": \"y\"}", 17)]
    public void Read_LoneSurrogateEscape_ErrorWithLineAndColumn(string line, int column)
    {
        var errors = new List<SpecError>();

        var items = ProductionItemReader.Read("{\"input\": \"fine\"}\n" + line + "\n", "in.jsonl", errors);

        Assert.Single(items);
        var e = Assert.Single(errors);
        Assert.Equal($"in.jsonl:2:{column}", e.Location.ToString());
        Assert.Contains("half of a UTF-16 surrogate pair", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SurrogatePairAndEscapedBackslash_AreFine()
    {
        var errors = new List<SpecError>();

        var items = ProductionItemReader.Read("{\"input\": \"smile \\ud83d\\ude00\", \"note\": \"literal \\\\ud800\"}\n", "in.jsonl", errors);

        Assert.Empty(errors);
        Assert.Equal("smile 😀", items[0].InputText);
        Assert.Equal("literal \\ud800", items[0].Note);
    }
}
