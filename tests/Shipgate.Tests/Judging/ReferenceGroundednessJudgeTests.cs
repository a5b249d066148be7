using Shipgate.Embeddings;
using Shipgate.Judging;
using Shipgate.Specs;
using Shipgate.Tests.Evals.Assertions;

namespace Shipgate.Tests.Judging;

/// <summary>The offline groundedness judge against the example's real knowledge files, with real MiniLM embeddings.</summary>
public sealed class ReferenceGroundednessJudgeTests(ReferenceGroundednessJudgeTests.MiniLm miniLm) : IClassFixture<ReferenceGroundednessJudgeTests.MiniLm>
{
    /// <summary>One MiniLM and one judge for the class: the example's knowledge is embedded once.</summary>
    public sealed class MiniLm : IDisposable
    {
        public MiniLmEmbeddingGenerator Embeddings { get; } = new();

        internal ReferenceGroundednessJudge Judge { get; } = new(JudgeSpec.LocalReference);

        public void Dispose() => Embeddings.Dispose();
    }

    private static IReadOnlyList<string> ExampleKnowledge()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "examples", "support-assistant", "knowledge");
            if (Directory.Exists(folder))
            {
                return [.. Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal)];
            }
        }

        throw new InvalidOperationException("examples/support-assistant/knowledge not found above " + AppContext.BaseDirectory);
    }

    private async Task<GroundedClaim> JudgeOne(string sentence, IReadOnlyList<string>? documents = null, IReadOnlyList<string>? knowledge = null)
    {
        // The shared judge keeps the example's knowledge embedded; another knowledge set gets its own judge.
        var judge = knowledge is null ? miniLm.Judge : new ReferenceGroundednessJudge(JudgeSpec.LocalReference);
        var result = await judge.JudgeAsync(new GroundednessRequest
        {
            Case = JudgeTestKit.Case() with { Context = [] },
            Output = sentence,
            Documents = documents ?? [],
            KnowledgeFiles = knowledge ?? ExampleKnowledge(),
            Embeddings = () => miniLm.Embeddings,
        }, CancellationToken.None);
        Assert.False(result.Verdict.Inconclusive, result.Problem);
        return Assert.Single(result.Claims);
    }

    [Theory]
    [InlineData("Refunds are available within 60 days of any payment.")]
    [InlineData("Monthly plan renewals are always refunded.")]
    [InlineData("Plus costs $9 per month or $90 per year.")]
    [InlineData("Plus gives you unlimited households with up to 50 members.")]
    public async Task JudgeAsync_WrongFigureNegationOrQuantity_IsNotSupported(string sentence)
    {
        var claim = await JudgeOne(sentence);

        Assert.NotEqual(ClaimVerdict.Supported, claim.Verdict);
        Assert.Contains("similarity", claim.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plus costs $9 per month or $90 per year.", "$9 per month")]
    [InlineData("Plus gives you unlimited households with up to 50 members.", "50 members")]
    [InlineData("Monthly plan renewals are always refunded.", "not refunded")]
    public async Task JudgeAsync_FigureOrNegationDiffersFromTheMatchedPassage_IsContradicted(string sentence, string named)
    {
        var claim = await JudgeOne(sentence);

        Assert.Equal(ClaimVerdict.Contradicted, claim.Verdict);
        Assert.Contains(named, claim.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tallybook Plus costs $4 per month or $40 per year.")]
    [InlineData("Plus is $4 a month or $40 a year.")]
    [InlineData("Plus gives you unlimited households, with up to 20 members per household.")]
    [InlineData("Monthly plan renewals are not refunded.")]
    [InlineData("If you bought Plus on the website, you can get a full refund within 14 days of your first payment.")]
    [InlineData("On the Free plan you can add up to four members to your household.")]
    public async Task JudgeAsync_CorrectParaphrase_IsSupported(string sentence)
    {
        var claim = await JudgeOne(sentence);

        Assert.True(claim.Verdict == ClaimVerdict.Supported, $"{claim.Verdict}: {claim.Evidence}");
    }

    [Fact]
    public async Task JudgeAsync_NoClaims_ReturnsNoClaimsNotACleanCheck()
    {
        var result = await new ReferenceGroundednessJudge(JudgeSpec.LocalReference).JudgeAsync(new GroundednessRequest
        {
            Case = JudgeTestKit.Case(),
            Output = "Thanks!",
            Documents = ["Plus can be refunded within 14 days."],
            Embeddings = () => new HashingEmbeddingGenerator(),
        }, CancellationToken.None);

        Assert.False(result.Verdict.Inconclusive);
        Assert.Empty(result.Claims);
        Assert.Null(result.Verdict.Mean);
    }

    [Fact]
    public async Task JudgeAsync_DocumentFromAVar_GroundsTheClaimWithoutKnowledge()
    {
        const string invoice = "Invoice INV-2041 from Acme Ltd. Total due: $1,250.00. Payment is due within 30 days.";

        var right = await JudgeOne("The invoice total is $1,250.00, due within 30 days.", [invoice], []);
        var wrong = await JudgeOne("The invoice total is $1,520.00, due within 30 days.", [invoice], []);

        Assert.Equal(ClaimVerdict.Supported, right.Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, wrong.Verdict);
    }
}
