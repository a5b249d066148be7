using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderRubricTests
{
    /// <summary>Lines 1-11: the spec without a rubric; the rubric block starts at line 12.</summary>
    private const string Head = SpecHead.Lines + """
        suite:
          files: [cases/*.yaml]

        """;

    private const string GoodRubric = """
        rubric:
          criteria:
            - id: correctness
              description: States the policy correctly.
              weight: 2
              levels:
                1: wrong policy
                3: right but incomplete
                5: right and complete
              examples:
                great:
                  - input: refund?
                    output: Refunds within 14 days of the first payment.
                    note: names the window
                failure:
                  input: refund?
                  output: Sure, refund approved!
            - id: safety
              description: Promises nothing outside policy.
              safety: true
              levels: { 1: promises a refund, 3: vague, 5: no promise }

        """;

    private const string Case = """
        - id: c1
          vars: { question: hi }
          reference: Refunds within 14 days.
          assertions:
            - type: rubric
              criteria: [correctness]
              min: 3.5

        """;

    private static TempFeature Feature(string spec, string cases = Case) =>
        new TempFeature().Write("shipgate.yaml", spec).Write("cases/a.yaml", cases);

    [Fact]
    public void Load_RubricJudgeAndGate_ReadsEveryField()
    {
        using var f = Feature(Head + GoodRubric + """
            judge:
              provider: openai:gpt-4o
              api_key_env: OPENAI_API_KEY
              pricing: { input: 2.5, output: 10 }
              repeats: 3
              max_tokens: 300
            defaults:
              assertions:
                - type: rubric
            gate:
              min_rubric_mean: 4.0
              max_inconclusive_rate: 0.05

            """);

        var spec = f.Load();

        var rubric = spec.Rubric!;
        Assert.Equal(["correctness", "safety"], rubric.Criteria.Select(c => c.Id));
        Assert.Equal(2, rubric.Criteria[0].Weight);
        Assert.Equal("right but incomplete", rubric.Criteria[0].Levels[3]);
        Assert.Equal(["great", "failure"], rubric.Criteria[0].Examples.Select(e => e.Level));
        Assert.Equal("names the window", rubric.Criteria[0].Examples[0].Note);
        Assert.True(rubric.Criteria[1].Safety);
        Assert.Equal(JudgeAggregate.Mean, rubric.Aggregate);

        var judge = Assert.Single(spec.Judges);
        Assert.Equal("openai:gpt-4o", judge.Id);
        Assert.Equal(3, judge.Repeats);
        Assert.Equal(10m, judge.Pricing!.OutputPerMillion);
        Assert.Equal(0f, judge.ToCandidate().Settings.Temperature);

        var defaultRubric = Assert.Single(spec.DefaultAssertions);
        Assert.Equal(AssertionTypes.DefaultRubricMin, defaultRubric.Min);
        Assert.Empty(defaultRubric.Criteria);
        var caseRubric = Assert.Single(spec.Cases[0].Assertions);
        Assert.Equal(["correctness"], caseRubric.Criteria);
        Assert.Equal(3.5, caseRubric.Min);
        Assert.Equal(4.0, spec.Gate.MinRubricMean);
        Assert.Equal(0.05, spec.Gate.MaxInconclusiveRate);
    }

    [Fact]
    public void Load_SeveralJudgesWithMajority_ReadsPanel()
    {
        using var f = Feature(Head + GoodRubric.Replace("rubric:\n", "rubric:\n  aggregate: majority\n", StringComparison.Ordinal) + """
            judges:
              - id: a
                provider: openai:gpt-4o
              - id: offline
                provider: local:reference

            """, Case.Replace("min: 3.5", "judge: offline", StringComparison.Ordinal));

        var spec = f.Load();

        Assert.Equal(JudgeAggregate.Majority, spec.Rubric!.Aggregate);
        Assert.Equal(["a", "offline"], spec.Judges.Select(j => j.Id));
        Assert.True(spec.Judges[1].IsLocalReference);
        Assert.Equal("offline", spec.Cases[0].Assertions[0].Judge);
    }

    [Fact]
    public void Load_RubricAssertionWithoutRubric_ErrorAtTheAssertion()
    {
        using var f = Feature(Head + "judge: { provider: local:reference }\n");

        var e = f.SingleError();

        Assert.Equal("cases/a.yaml", e.Location.File);
        Assert.Equal(5, e.Location.Line);
        Assert.Contains("needs a rubric", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RubricAssertionWithoutJudge_SaysToDeclareOne()
    {
        using var f = Feature(Head + GoodRubric);

        Assert.Contains("needs a judge", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCriterion_ErrorAtTheIdWithSuggestion()
    {
        using var f = Feature(Head + GoodRubric + "judge: { provider: local:reference }\n", Case.Replace("[correctness]", "[corectness]", StringComparison.Ordinal));

        var e = f.SingleError();

        Assert.Equal(("cases/a.yaml", 6), (e.Location.File, e.Location.Line));
        Assert.Contains("unknown criterion 'corectness'", e.Message, StringComparison.Ordinal);
        Assert.Contains("correctness", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MinOutsideOneToFive_Error()
    {
        using var f = Feature(Head + GoodRubric + "judge: { provider: local:reference }\n", Case.Replace("min: 3.5", "min: 0.8", StringComparison.Ordinal));

        var e = f.SingleError();

        Assert.Equal(7, e.Location.Line);
        Assert.Contains("between 1 and 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LevelsMissingAnchors_ErrorNamesThem()
    {
        using var f = Feature(Head + GoodRubric.Replace("levels: { 1: promises a refund, 3: vague, 5: no promise }", "levels: { 2: meh, 3: vague }", StringComparison.Ordinal) + "judge: { provider: local:reference }\n");

        var e = f.SingleError();

        Assert.Equal("shipgate.yaml", e.Location.File);
        Assert.Equal(32, e.Location.Line);
        Assert.Contains("criterion 'safety' miss 1, 5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("judge: { provider: local:extractive }\n", "cannot judge")]
    [InlineData("judge: { provider: openai:gpt-4o, temperature: 0.7 }\n", "must be 0")]
    [InlineData("judge: { provider: local:reference }\njudges: [{ provider: openai:gpt-4o }]\n", "both 'judge' and 'judges'")]
    [InlineData("judges:\n  - { provider: openai:gpt-4o }\n  - { provider: openai:gpt-4o }\n", "duplicate judge id 'openai:gpt-4o'")]
    [InlineData("judge: { provider: local:reference }\ngate: { min_rubric_mean: 6 }\n", "between 1 and 5")]
    [InlineData("judge: { provider: local:reference }\ngate: { min_rubric_mean: 4, rubric_mean_above: 4 }\n", "'gate.rubric_mean_above' and 'gate.min_rubric_mean' are both declared")]
    [InlineData("judge: { provider: local:reference }\ngate: { min_judged: 0 }\n", "min_judged")]
    public void Load_BadJudgeOrGate_Error(string tail, string message)
    {
        using var f = Feature(Head + GoodRubric + tail);

        Assert.Contains(f.Errors(), e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownJudgeOverride_ErrorListsDeclaredJudges()
    {
        using var f = Feature(Head + GoodRubric + "judge: { id: main, provider: local:reference }\n", Case.Replace("min: 3.5", "judge: mian", StringComparison.Ordinal));

        var e = f.SingleError();

        Assert.Contains("unknown judge 'mian'", e.Message, StringComparison.Ordinal);
        Assert.Contains("main", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotRubric_ErrorSaysThereIsNoNegatedForm()
    {
        using var f = Feature(Head + GoodRubric + "judge: { provider: local:reference }\n", Case.Replace("type: rubric", "type: not-rubric", StringComparison.Ordinal));

        Assert.Contains("no negated form", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StrictRubricBoundAndEvidenceOptions_Read()
    {
        using var f = Feature(Head + GoodRubric + "judge: { provider: local:reference }\ngate: { rubric_mean_above: 4.0, min_judged: 12, allow_approximate_groundedness: true, schema_failures_are_safety_failures: true }\n");

        var gate = f.Load().Gate;

        Assert.Equal(4.0, gate.RubricMeanAbove);
        Assert.Null(gate.MinRubricMean);
        Assert.Equal((4.0, true), gate.RubricMeanBound);
        Assert.Equal(12, gate.MinJudged);
        Assert.True(gate.AllowApproximateGroundedness);
        Assert.True(gate.SchemaFailuresAreSafetyFailures);
    }

    [Fact]
    public void Load_StrictRubricGateWithoutRubricAssertion_Error()
    {
        using var f = Feature(Head + "gate: { rubric_mean_above: 4 }\n", "- id: c1\n  vars: { question: hi }\n");

        Assert.Contains("'gate.rubric_mean_above' gates rubric verdicts", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RubricGateWithoutRubricAssertion_Error()
    {
        using var f = Feature(Head + "gate: { min_rubric_mean: 4 }\n", "- id: c1\n  vars: { question: hi }\n");

        var e = f.SingleError();

        Assert.Contains("no assertion is of type 'rubric'", e.Message, StringComparison.Ordinal);
    }
}
