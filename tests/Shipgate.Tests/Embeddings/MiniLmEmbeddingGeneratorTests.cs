using Microsoft.Extensions.AI;
using Shipgate.Embeddings;

namespace Shipgate.Tests.Embeddings;

/// <summary>Runs the real MiniLM model (offline, shipped in the package).</summary>
public sealed class MiniLmEmbeddingGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_SimilarSentences_ScoreHigherThanUnrelated()
    {
        using var generator = new MiniLmEmbeddingGenerator();

        var e = await generator.GenerateAsync([
            "Refunds are available within 30 days of purchase.",
            "You can get your money back if you ask within a month of buying.",
            "The office cafeteria serves pasta on Tuesdays.",
        ]);

        Assert.Equal(3, e.Count);
        Assert.All(e, x => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, x.Vector.Length));
        var similar = VectorMath.Cosine(e[0].Vector.Span, e[1].Vector.Span);
        var unrelated = VectorMath.Cosine(e[0].Vector.Span, e[2].Vector.Span);
        Assert.True(similar > unrelated + 0.2f, $"similar={similar}, unrelated={unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_SameTextTwiceAndConcurrently_GivesIdenticalVectors()
    {
        using var generator = new MiniLmEmbeddingGenerator(cacheCapacity: 2);

        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => generator.GenerateAsync(["same text", "other " + (i % 2)])));
        var again = await generator.GenerateAsync(["same text"]);

        foreach (var call in calls)
        {
            Assert.Equal(again[0].Vector.ToArray(), call[0].Vector.ToArray());
        }
    }

    [Fact]
    public void GetService_Metadata_NamesTheModel()
    {
        using var generator = new MiniLmEmbeddingGenerator();

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_TextLongerThanTheModelWindow_IsCutToTheWindow()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        var words = Enumerable.Range(0, 3_000).Select(i => i % 7 == 0 ? "refund" : "policy" + (i % 13)).ToList();
        var whole = string.Join(' ', words);
        var prefix = string.Join(' ', words.Take(600));

        var e = await generator.GenerateAsync([whole, prefix]);

        // Both reduce to the same first 254 word pieces; without the cut the model sees 3,000+ pieces.
        Assert.Equal(e[0].Vector.ToArray(), e[1].Vector.ToArray());
        Assert.True(generator.Truncate(whole).Length < prefix.Length);
        Assert.Equal("Short text stays whole.", generator.Truncate("Short text stays whole."));
    }
}
