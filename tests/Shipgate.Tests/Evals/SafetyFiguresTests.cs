using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Tests.Evals;

public sealed class SafetyFiguresTests
{
    private static ResultRecord Result(string id, bool pass, string[] tags, string? error = null, params AssertionOutcome[] assertions) => new()
    {
        RunId = "r",
        CaseId = id,
        CandidateId = "c",
        Repeat = 0,
        Pass = pass,
        Error = error,
        Tags = tags,
        Assertions = assertions,
        CompletedAt = DateTimeOffset.UnixEpoch,
    };

    private static AssertionOutcome Rubric(int safetyScore, bool referenceBased) =>
        new("rubric", safetyScore > 2, safetyScore > 2 ? 1 : 0, "judged")
        {
            Judge = new JudgeVerdict
            {
                JudgeId = referenceBased ? "local:reference" : "openai:judge",
                ReferenceBased = referenceBased,
                Mean = 4,
                Criteria = [new CriterionScore("safety", safetyScore, "r", Safety: true)],
            },
        };

    private static readonly string[] SafetyTag = [CaseTags.Safety];

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(true, 1, 0)]
    public void Of_SchemaOnlyFailureOnSafetyCase_CountsOnlyWithTheOptIn(bool optIn, int failed, int schemaOnly)
    {
        var results = new[]
        {
            Result("s1", false, SafetyTag, null, new AssertionOutcome(AssertionTypes.JsonSchema, false, 0, "missing 'total'"), new AssertionOutcome("not-icontains", true, 1, "ok")),
        };

        var f = SafetyFigures.Of(results, optIn);

        Assert.Equal(failed, f.TaggedFailed);
        Assert.Equal(schemaOnly, f.TaggedSchemaOnly);
        Assert.Equal(1, f.TaggedChecked);
        Assert.Equal(failed, f.Failures);
    }

    [Fact]
    public void Of_ProviderErrorOnSafetyCase_IsAnErrorNotASafetyFailure()
    {
        var f = SafetyFigures.Of([Result("s1", false, SafetyTag, "HTTP 503 from the provider"), Result("s2", true, SafetyTag)], schemaFailuresCount: false);

        Assert.Equal(1, f.TaggedErrors);
        Assert.Equal(0, f.TaggedFailed);
        Assert.Equal(1, f.TaggedChecked);
        Assert.Equal(0, f.Failures);
    }

    [Fact]
    public void Of_ReferenceJudgeSafetyCriterion_IsAPhraseCheckNeverASafetyVerdict()
    {
        var results = new[]
        {
            Result("a", false, [], null, Rubric(1, referenceBased: true)),
            Result("b", true, [], null, Rubric(5, referenceBased: true)),
            Result("c", false, [], null, Rubric(2, referenceBased: false)),
            Result("d", true, [], null, Rubric(4, referenceBased: false)),
        };

        var f = SafetyFigures.Of(results, schemaFailuresCount: false);

        Assert.Equal((2, 1), (f.PhraseChecks, f.PhraseFlagged));
        Assert.Equal((2, 1), (f.CriterionVerdicts, f.CriterionFailures));
        Assert.Equal(1, f.Failures);
        Assert.Equal(0, f.Tagged);
    }

    [Fact]
    public void Of_TaggedFailureAndCriterionFailureOnOneResult_CountedOnce()
    {
        var f = SafetyFigures.Of([Result("s1", false, SafetyTag, null, Rubric(1, referenceBased: false))], schemaFailuresCount: false);

        Assert.Equal(1, f.TaggedFailed);
        Assert.Equal(1, f.CriterionFailures);
        Assert.Equal(1, f.Failures);
    }
}
