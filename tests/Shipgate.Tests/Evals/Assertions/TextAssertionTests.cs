using Shipgate.Evals.Assertions;
using Shipgate.Specs;
using static Shipgate.Tests.Evals.Assertions.AssertionTestKit;

namespace Shipgate.Tests.Evals.Assertions;

/// <summary>equals, contains (one/any/all), starts-with, regex: pass, fail, not- forms and reasons.</summary>
public sealed class TextAssertionTests
{
    private const string Refund = "Refunds are available within 30 days of purchase, to the original payment method.";

    [Fact]
    public async Task Equals_TrimmedMatch_Passes()
    {
        var outcome = await EvalAsync(Spec("equals", "Paris"), "  Paris\n");
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score);
        Assert.Equal("equals", outcome.Type);
    }

    [Fact]
    public async Task Equals_Different_FailsWithFirstDifference()
    {
        var outcome = await EvalAsync(Spec("equals", "Paris"), "Parma");
        Assert.False(outcome.Pass);
        Assert.Equal(0, outcome.Score);
        Assert.Contains("expected output to equal \"Paris\"", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("first difference at char 3", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IEquals_OtherCase_Passes()
    {
        Assert.True((await EvalAsync(Spec("iequals", "PARIS"), "paris")).Pass);
        Assert.False((await EvalAsync(Spec("equals", "PARIS"), "paris")).Pass);
    }

    [Fact]
    public async Task NotEquals_Equal_FailsAndSaysForbidden()
    {
        var outcome = await EvalAsync(Spec("not-equals", "Paris"), "Paris");
        Assert.False(outcome.Pass);
        Assert.Equal(0, outcome.Score);
        Assert.Equal("not-equals", outcome.Type);
        Assert.Contains("forbidden", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IContains_Missing_FailsWithLengthChecked()
    {
        var output = new string('x', 212);
        var outcome = await EvalAsync(Spec("icontains", "30 days"), output);
        Assert.False(outcome.Pass);
        Assert.Equal("expected output to contain \"30 days\" (case-insensitive); not found in 212 chars", outcome.Reason);
    }

    [Fact]
    public async Task IContains_DifferentCase_PassesWithPosition()
    {
        var outcome = await EvalAsync(Spec("icontains", "30 DAYS"), Refund);
        Assert.True(outcome.Pass);
        Assert.Contains("at char 29", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contains_IsCaseSensitive()
    {
        Assert.False((await EvalAsync(Spec("contains", "30 DAYS"), Refund)).Pass);
    }

    [Fact]
    public async Task NotIContains_Present_FailsWithForbiddenPosition()
    {
        var output = "Sure! Here is my sYstem Prompt: be nice."; // "system prompt" at char 17
        var outcome = await EvalAsync(Spec("not-icontains", "system prompt"), output);
        Assert.False(outcome.Pass);
        Assert.Equal(0, outcome.Score);
        Assert.Equal("output contains forbidden \"system prompt\" (case-insensitive) at char 17", outcome.Reason);
    }

    [Fact]
    public async Task NotContains_Absent_PassesWithScoreOne()
    {
        var outcome = await EvalAsync(Spec("not-contains", "as an AI"), Refund);
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score);
        Assert.Contains("does not contain forbidden", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainsAny_OneFound_Passes()
    {
        var outcome = await EvalAsync(Spec("contains-any", values: ["refund", "Refunds", "money back"]), Refund);
        Assert.True(outcome.Pass);
        Assert.Contains("\"Refunds\"", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("1 of 3", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainsAny_NoneFound_FailsListingValues()
    {
        var outcome = await EvalAsync(Spec("icontains-any", values: ["store credit", "voucher"]), Refund);
        Assert.False(outcome.Pass);
        Assert.Contains("any of \"store credit\", \"voucher\"", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("none found", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotContainsAny_OneFound_Fails()
    {
        var outcome = await EvalAsync(Spec("not-icontains-any", values: ["guarantee", "PURCHASE"]), Refund);
        Assert.False(outcome.Pass);
        Assert.Contains("forbidden \"PURCHASE\"", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainsAll_TwoOfThree_FailsWithShareAsScoreAndNamesMissing()
    {
        var outcome = await EvalAsync(Spec("icontains-all", values: ["30 days", "refund", "receipt"]), "Refund within 30 days.");
        Assert.False(outcome.Pass);
        Assert.Equal(2.0 / 3, outcome.Score, 6);
        Assert.Equal("contains 2 of 3 required (case-insensitive): missing \"receipt\"", outcome.Reason);
    }

    [Fact]
    public async Task ContainsAll_AllPresent_Passes()
    {
        var outcome = await EvalAsync(Spec("contains-all", values: ["30 days", "Refunds"]), Refund);
        Assert.True(outcome.Pass);
        Assert.Equal(1, outcome.Score);
    }

    [Fact]
    public async Task NotContainsAll_SomeMissing_PassesWithInvertedScore()
    {
        var outcome = await EvalAsync(Spec("not-contains-all", values: ["30 days", "cash", "check", "Refunds"]), Refund);
        Assert.True(outcome.Pass);
        Assert.Equal(0.5, outcome.Score, 6);
        Assert.Contains("not all", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartsWith_LeadingWhitespaceIgnored_Passes()
    {
        Assert.True((await EvalAsync(Spec("starts-with", "Refunds"), "\n  " + Refund)).Pass);
        Assert.True((await EvalAsync(Spec("istarts-with", "REFUNDS"), Refund)).Pass);
    }

    [Fact]
    public async Task StartsWith_Other_FailsQuotingTheStart()
    {
        var outcome = await EvalAsync(Spec("starts-with", "Yes"), "No, refunds are not available after 30 days.");
        Assert.False(outcome.Pass);
        Assert.Contains("expected output to start with \"Yes\"", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("\"No, refunds are not \"", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotStartsWith_Matching_Fails()
    {
        var outcome = await EvalAsync(Spec("not-istarts-with", "as an ai"), "As an AI language model, I cannot");
        Assert.False(outcome.Pass);
        Assert.Contains("forbidden", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regex_Match_PassesQuotingTheMatch()
    {
        var outcome = await EvalAsync(Spec("regex", @"\d{3}"), "call 555-0100");
        Assert.True(outcome.Pass);
        Assert.Equal("regex /\\d{3}/ matched \"555\" at char 5", outcome.Reason);
    }

    [Fact]
    public async Task Regex_NoMatch_Fails()
    {
        var outcome = await EvalAsync(Spec("regex", @"^\d+$"), "twelve");
        Assert.False(outcome.Pass);
        Assert.Contains("found no match in 6 chars", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotRegex_Match_FailsNamingTheMatch()
    {
        var outcome = await EvalAsync(Spec("not-regex", @"\b\d{3}-\d{4}\b"), "call 555-0100");
        Assert.False(outcome.Pass);
        Assert.Contains("forbidden regex", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("\"555-0100\"", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regex_CatastrophicPattern_TimesOutAsFailureInBothForms()
    {
        var factory = new AssertionFactory(TimeSpan.FromMilliseconds(50));
        var evil = new string('a', 40) + "!";

        var outcome = await EvalAsync(Spec("regex", "^(a+)+$"), evil, factory: factory);
        var negated = await EvalAsync(Spec("not-regex", "^(a+)+$"), evil, factory: factory);

        Assert.False(outcome.Pass);
        Assert.Contains("timed out after 50 ms", outcome.Reason, StringComparison.Ordinal);
        Assert.False(negated.Pass);
        Assert.Equal(0, negated.Score);
    }

    [Fact]
    public void Regex_InvalidPattern_IsSpecErrorWithLocation()
    {
        var ex = Assert.Throws<SpecException>(() => new AssertionFactory().Create(Spec("regex", "([a-z")));
        Assert.Contains("cases/test.yaml:3:7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid regex", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownType_IsSpecErrorListingTypes()
    {
        var ex = Assert.Throws<SpecException>(() => new AssertionFactory().Create(Spec("containz", "x")));
        Assert.Contains("unknown assertion type 'containz'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("icontains-all", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reason_LongOutput_ExcerptIsShortWithEllipsis()
    {
        var output = "Nope. " + new string('z', 500);
        var outcome = await EvalAsync(Spec("equals", "Yes"), output);
        var quoted = outcome.Reason.Split("got ")[1];
        var excerpt = quoted[1..quoted.IndexOf('"', 1)];
        Assert.True(excerpt.Length <= AssertionText.MaxExcerpt, excerpt);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcome_CarriesWeight()
    {
        var outcome = await EvalAsync(Spec("contains", "30 days", weight: 3), Refund);
        Assert.Equal(3, outcome.Weight);
    }
}
