using System.Text.Json.Nodes;
using Shipgate.Specs;
using Shipgate.Suite;
using Shipgate.Tests.Specs;

namespace Shipgate.Tests.Suite;

public sealed class YamlCaseWriterTests
{
    private const string Spec = """
        version: 1
        feature: { name: writer }
        prompts:
          - id: answer
            user: "Q: {{question}}"
        candidates:
          - id: a
            provider: local:extractive
        suite:
          files: [cases/*.yaml]
        """;

    [Fact]
    public void Write_HostileText_LoadsBackExactly()
    {
        const string nasty = "- id: injected\n  key: \"quoted\" # not a comment\\ \t tab: colon: [x] {y} ünïcode 😀 \u0001";
        var written = new ImportedCase(
            3, "prod-20261129-abcdef12", "note: with # and \"quotes\"", "complaint", new DateOnly(2026, 11, 29),
            ["complaint", "yes", "2fa issue"], new Dictionary<string, string> { ["question"] = nasty }, "ref: answer",
            "bad output\n- id: fake\n#comment", new JsonArray(new JsonObject { ["type"] = "icontains", ["value"] = "30: days" }, new JsonObject { ["type"] = "length", ["max"] = 50 }));
        using var feature = new TempFeature().Write("shipgate.yaml", Spec).Write("cases/p.yaml", YamlCaseWriter.Write([written], "", "in.jsonl"));

        var loaded = Assert.Single(feature.Load().Cases);

        Assert.Equal("prod-20261129-abcdef12", loaded.Id);
        Assert.Equal(nasty, loaded.Vars["question"]);
        Assert.Equal("note: with # and \"quotes\"", loaded.Description);
        Assert.Equal("complaint", loaded.Origin);
        Assert.Equal(new DateOnly(2026, 11, 29), loaded.Added);
        Assert.Equal(["complaint", "yes", "2fa issue"], loaded.Tags);
        Assert.Equal("ref: answer", loaded.Reference);
        Assert.Equal(2, loaded.Assertions.Count);
        Assert.Equal("30: days", loaded.Assertions[0].Value);
        Assert.Equal(50, loaded.Assertions[1].Max);
    }

    [Fact]
    public void Write_ObservedOutput_IsKeptAsCommentsOnly()
    {
        var written = new ImportedCase(1, "c1", "d", "production", new DateOnly(2026, 1, 2), ["production"],
            new Dictionary<string, string> { ["question"] = "q" }, null, "line one\nline two", null);

        var text = YamlCaseWriter.Write([written], "  ", "in.jsonl");

        Assert.Contains("  #   line one\n  #   line two\n", text, StringComparison.Ordinal);
        Assert.Contains("TODO: add assertions", text, StringComparison.Ordinal);
        Assert.Contains("\n  - id: c1\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-word", "plain-word")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("1.5", "\"1.5\"")]
    public void Plain_QuotesWhatYamlWouldReadAsSomethingElse(string value, string expected) =>
        Assert.Equal(expected, YamlCaseWriter.Plain(value));

    [Fact]
    public void Write_Context_LoadsBackAsTheCaseContext()
    {
        var written = new ImportedCase(
            1, "prod-ctx", "with context", "production", new DateOnly(2026, 11, 29), ["production"],
            new Dictionary<string, string> { ["question"] = "Refund?" }, null, null, null)
        { Context = ["Refunds within 14 days.", "Line one\nline two: \"quoted\" # no comment"] };
        using var f = new TempFeature().Write("shipgate.yaml", Spec).Write("cases/p.yaml", YamlCaseWriter.Write([written], "", "in.jsonl"));

        var loaded = Assert.Single(f.Load().Cases);

        Assert.Equal(written.Context, loaded.Context);
    }
}
