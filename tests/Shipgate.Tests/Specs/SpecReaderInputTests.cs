using System.Diagnostics;
using System.Text;
using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

/// <summary>Hostile or broken bytes in spec and case files: each is one located error, quickly, never a crash.</summary>
public sealed class SpecReaderInputTests
{
    private const string Suite = """
        suite:
          files: [cases/*]

        """;

    private static TempFeature Feature(string caseFile, byte[] content)
    {
        var f = new TempFeature().Write("shipgate.yaml", SpecHead.Lines + Suite);
        Directory.CreateDirectory(Path.Combine(f.Root, "cases"));
        File.WriteAllBytes(Path.Combine(f.Root, "cases", caseFile), content);
        return f;
    }

    [Fact]
    public void Load_AliasBombInAnInlineSchema_FailsFastAtTheAlias()
    {
        using var f = new TempFeature();
        var bomb = new StringBuilder();
        bomb.Append("          l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"          l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        f.Write("shipgate.yaml", SpecHead.Lines + """
            defaults:
              assertions:
                - type: json-schema
                  schema:
                    type: object
                    properties:

            """ + bomb + """
            suite:
              cases:
                - id: a
                  vars: { question: q }

            """);
        var clock = Stopwatch.StartNew();

        var error = f.SingleError();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("shipgate.yaml", error.Location.File);
        Assert.Equal(20, error.Location.Line);
        Assert.Contains("aliases expand", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedVarInTheSpec_IsADepthError()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", SpecHead.Lines + "suite:\n  cases:\n    - id: a\n      vars: { question: " + new string('[', 30_000) + "\n");

        var error = f.SingleError();

        Assert.Equal(13, error.Location.Line);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LoneSurrogateInJsonlCases_IsALocatedError()
    {
        using var f = Feature("a.jsonl", Encoding.UTF8.GetBytes("""
            {"id": "a", "vars": {"question": "ok"}}
            {"id": "b", "vars": {"question": "\ud800"}}

            """));

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.jsonl", 2, 34), error.Location);
    }

    [Theory]
    [InlineData("a.yaml")]
    [InlineData("a.jsonl")]
    [InlineData("a.csv")]
    public void Load_InvalidUtf8InACaseFile_NamesFileLineAndColumn(string name)
    {
        using var f = Feature(name, [.. "\n\nid"u8, 0xFF, .. "x\n"u8]);

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("cases/" + name, 3, 3), error.Location);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8InTheSpec_NamesLineAndColumn()
    {
        using var f = new TempFeature();
        File.WriteAllBytes(Path.Combine(f.Root, "shipgate.yaml"), [.. Encoding.UTF8.GetBytes(SpecHead.Lines), .. "feature_x: "u8, 0xC0, 0xAF]);

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("shipgate.yaml", 10, 12), error.Location);
    }

    [Theory]
    [InlineData("a.yaml", "")]
    [InlineData("a.jsonl", "\n  \n")]
    [InlineData("a.csv", "")]
    [InlineData("a.csv", "id,question\n")]
    [InlineData("a.yaml", "# only a comment\n")]
    [InlineData("a.yaml", "[]\n")]
    [InlineData("a.yaml", "cases: []\n")]
    public void Load_CaseFileWithoutCases_IsAnError(string name, string content)
    {
        using var f = Feature(name, Encoding.UTF8.GetBytes(content));

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("cases/" + name, 1, 1), error.Location);
        Assert.Matches("case file 'cases/a\\.\\w+' (is empty|holds no cases)", error.Message);
    }

    [Fact]
    public void Load_OneEmptyCaseFileBesideAGoodOne_IsStillAnError()
    {
        using var f = Feature("a.yaml", "- id: a\n  vars: { question: q }\n"u8.ToArray());
        File.WriteAllText(Path.Combine(f.Root, "cases", "b.jsonl"), "");

        var error = f.SingleError();

        Assert.Equal("cases/b.jsonl", error.Location.File);
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.jsonl")]
    [InlineData("a.yaml")]
    [InlineData("a.csv")]
    public void Load_NulOnlyCaseFile_IsABinaryFileError(string name)
    {
        using var f = Feature(name, new byte[64]);

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("cases/" + name, 1, 1), error.Location);
        Assert.Contains("binary file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- id: |\n    refund-1\n  vars: { question: q }\n")]
    [InlineData("- id: \"refund-1\\n\"\n  vars: { question: q }\n")]
    [InlineData("- id: \"refund\\u0007-1\"\n  vars: { question: q }\n")]
    public void Load_CaseIdWithANewlineOrControlCharacter_IsAnError(string content)
    {
        using var f = Feature("a.yaml", Encoding.UTF8.GetBytes(content));

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("cases/a.yaml", 1, 7), error.Location);
        Assert.Contains("may contain only letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FeatureNameEndingInANewline_IsAnError()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", SpecHead.Lines.Replace("name: refunds", "name: |\n    refunds", StringComparison.Ordinal) + "suite:\n  cases:\n    - id: a\n      vars: { question: q }\n");

        var error = f.SingleError();

        Assert.Contains("feature name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("threshold: 1e400", "'threshold' in case 'a' must be between 0 and 1, got 1e400")]
    [InlineData("threshold: -1e400", "'threshold' in case 'a' must be between 0 and 1, got -1e400")]
    [InlineData("assertions: [{ type: length, max: 1e400 }]", "'max' in assertion 'length' of case 'a' is out of range: 1e400 is too large")]
    public void Load_HugeNumberInACase_IsARangeError(string line, string expected)
    {
        using var f = Feature("a.yaml", Encoding.UTF8.GetBytes("- id: a\n  vars: { question: q }\n  " + line + "\n"));

        var error = f.SingleError();

        Assert.Equal(3, error.Location.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    seed: 99999999999999999999999", "'seed' in candidate 'baseline' is out of range: 99999999999999999999999 is too large")]
    [InlineData("    max_tokens: 99999999999999999999999", "'max_tokens' in candidate 'baseline' is out of range")]
    [InlineData("    pricing: { input: 1e30, output: 1 }", "'input' in the pricing of candidate 'baseline' is out of range: 1e30 is too large")]
    [InlineData("    temperature: 1e400", "must be between 0 and 2, got 1e400")]
    public void Load_HugeNumberInACandidate_IsARangeError(string line, string expected)
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", SpecHead.Lines.TrimEnd() + "\n" + line + "\nsuite:\n  cases:\n    - id: a\n      vars: { question: q }\n");

        var error = f.SingleError();

        Assert.Equal(10, error.Location.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SchemaFileWithInvalidUtf8_NamesTheSchemaFile()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", SpecHead.Lines + "suite:\n  cases:\n    - id: a\n      vars: { question: q }\n      assertions: [{ type: json-schema, value: s.json }]\n");
        File.WriteAllBytes(Path.Combine(f.Root, "s.json"), [.. "{\"type\":\n\"obj"u8, 0xFF, .. "\"}"u8]);

        var error = f.SingleError();

        Assert.Equal(new SourceLocation("s.json", 2, 5), error.Location);
    }
}
