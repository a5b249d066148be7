using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderGroundedTests
{
    private const string Head = SpecHead.Lines + """
        suite:
          files: [cases/*.yaml]

        """;

    private static string Case(string assertion) => $"""
        - id: c1
          vars: {"{"} question: hi {"}"}
          context: ["Refunds within 14 days."]
          assertions:
            - {assertion}

        """;

    private static TempFeature Feature(string spec, string assertion) =>
        new TempFeature().Write("shipgate.yaml", spec).Write("cases/a.yaml", Case(assertion));

    [Fact]
    public void Load_GroundedWithKeys_ReadsJudgeAndMaxUnsupported()
    {
        using var f = Feature(Head + "judge: { id: main, provider: local:reference }\ngate: { max_hallucination_rate: 0.05 }\n", "{ type: grounded, judge: main, max_unsupported: 2 }");

        var spec = f.Load();

        var a = Assert.Single(spec.Cases[0].Assertions);
        Assert.Equal(AssertionTypes.Grounded, a.Type);
        Assert.Equal("main", a.Judge);
        Assert.Equal(2, a.Max);
        Assert.Equal(0.05, spec.Gate.MaxHallucinationRate);
    }

    [Fact]
    public void Load_GroundedWithoutJudge_IsValid()
    {
        using var f = Feature(Head, "{ type: grounded }");

        var a = Assert.Single(f.Load().Cases[0].Assertions);

        Assert.Null(a.Judge);
        Assert.Null(a.Max);
    }

    [Theory]
    [InlineData("{ type: grounded, threshold: 0.5 }", "threshold")]
    [InlineData("{ type: grounded, max_unsupported: -1 }", "max_unsupported")]
    [InlineData("{ type: grounded, max_unsupported: 1.5 }", "max_unsupported")]
    [InlineData("{ type: not-grounded }", "not-grounded")]
    [InlineData("{ type: grounded, judge: nobody }", "unknown judge 'nobody' in a grounded assertion")]
    [InlineData("{ type: grounded, sources: [vars.document] }", "unknown var 'document' in grounded sources: case 'c1' (cases/a.yaml:1:3) has no var 'document'")]
    [InlineData("{ type: grounded, sources: [document] }", "unknown source 'document'")]
    [InlineData("{ type: grounded, sources: [] }", "is empty")]
    public void Load_BadGroundedAssertion_ErrorNamesTheProblem(string assertion, string message)
    {
        using var f = Feature(Head, assertion);

        var e = f.SingleError();

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HallucinationGateWithoutGroundedAssertion_Error()
    {
        using var f = Feature(Head + "gate: { max_hallucination_rate: 0.1 }\n", "{ type: contains, value: refund }");

        var e = f.SingleError();

        Assert.Contains("no assertion is of type 'grounded'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HallucinationGateOutOfRange_Error()
    {
        using var f = Feature(Head + "gate: { max_hallucination_rate: 1.5 }\n", "{ type: grounded }");

        Assert.Contains(f.Errors(), e => e.Message.Contains("max_hallucination_rate", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GroundedSourcesVar_ReadsThemAndAcceptsACaseWithTheVar()
    {
        using var f = new TempFeature().Write("shipgate.yaml", Head).Write("cases/a.yaml", """
            - id: c1
              vars: { question: hi, document: "Invoice 17 is due on 3 March." }
              assertions:
                - { type: grounded, sources: [vars.document, knowledge] }

            """);

        var a = Assert.Single(f.Load().Cases[0].Assertions);

        Assert.Equal(["vars.document", "knowledge"], a.Sources);
    }

    [Fact]
    public void Load_DefaultGroundedOnAVarOneCaseLacks_ErrorAtTheSourceNamesTheCase()
    {
        using var f = new TempFeature()
            .Write("shipgate.yaml", Head + "defaults:\n  assertions:\n    - { type: grounded, sources: vars.document }\n")
            .Write("cases/a.yaml", "- id: has\n  vars: { question: hi, document: doc }\n- id: lacks\n  vars: { question: hi }\n");

        var e = f.SingleError();

        Assert.Contains("unknown var 'document' in grounded sources: case 'lacks'", e.Message, StringComparison.Ordinal);
        Assert.Equal("shipgate.yaml", e.Location.File);
        Assert.True(e.Location.Line > 1 && e.Location.Column > 1, e.Location.ToString());
        Assert.Contains("vars.question", e.Hint, StringComparison.Ordinal);
    }
}
