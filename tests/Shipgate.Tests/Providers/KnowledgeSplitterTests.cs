using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

public sealed class KnowledgeSplitterTests
{
    [Fact]
    public void Split_Markdown_MakesOnePassagePerParagraphWithItsHeading()
    {
        var passages = KnowledgeSplitter.Split("doc.md", """
            # Refunds
            Refunds take 30 days.
            They go to the card.

            # Shipping

            Orders ship fast.
            """);

        Assert.Equal(2, passages.Count);
        Assert.Equal("Refunds take 30 days. They go to the card.", passages[0].Text);
        Assert.Equal("Refunds", passages[0].Heading);
        Assert.Equal("Shipping: Orders ship fast.", passages[1].EmbeddingText);
    }

    [Fact]
    public void Split_LongParagraph_IsCutIntoGroupsOfThreeSentences()
    {
        var passages = KnowledgeSplitter.Split("doc.md", "One. Two. Three. Four. Five. Six. Seven.");

        Assert.Equal(["One. Two. Three.", "Four. Five. Six.", "Seven."], passages.Select(p => p.Text));
    }

    [Fact]
    public void Split_ListAndCodeFence_KeepItemsAndCodeTogether()
    {
        var passages = KnowledgeSplitter.Split("doc.md", """
            - first item
            - second item

            ```
            code line

            more code
            ```
            """);

        Assert.Equal(2, passages.Count);
        Assert.Equal("- first item\n- second item", passages[0].Text);
        Assert.Contains("more code", passages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_LongCodeBlock_IsCutIntoOverlappingFencedWindows()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"    curl -s -X POST https://api.example.com/v1/items/{i} -H 'Authorization: Bearer $TOKEN' -d '{{\"id\": {i}, \"name\": \"item {i}\"}}'").ToList();
        var block = "```bash\n" + string.Join('\n', lines) + "\n```";
        Assert.InRange(block.Length, 1_500, 3_000);

        var passages = KnowledgeSplitter.Split("api.md", "# API\n\n" + block + "\n");

        Assert.True(passages.Count > 1, "a 20-line block stays one passage");
        Assert.All(passages, p =>
        {
            Assert.StartsWith("```bash\n", p.Text, StringComparison.Ordinal);
            Assert.EndsWith("\n```", p.Text, StringComparison.Ordinal);
            Assert.InRange(p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, 1, KnowledgeSplitter.MaxWords + 2);
            Assert.True(p.Text.Length <= KnowledgeSplitter.MaxWindowChars + 20, $"{p.Text.Length} chars");
            Assert.Equal("API", p.Heading);
        });
        foreach (var line in lines)
        {
            Assert.Contains(passages, p => p.Text.Contains(line.Trim(), StringComparison.Ordinal) || p.Text.Contains(line.Trim()[..40], StringComparison.Ordinal));
        }

        // Neighbouring windows overlap, so a fact cut at one window's edge is whole in the next.
        var firstBody = passages[0].Text[8..^4];
        var secondBody = passages[1].Text[8..^4];
        Assert.Contains(firstBody.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1], secondBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_TwelveKilobyteBlockWithoutSpaces_IsCutIntoBoundedWindows()
    {
        var blob = string.Concat(Enumerable.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", 360));
        Assert.True(blob.Length > 12_000);

        var passages = KnowledgeSplitter.Split("blob.md", "```\n" + blob + "\n```");

        Assert.True(passages.Count >= 10);
        Assert.All(passages, p => Assert.True(p.Text.Length <= KnowledgeSplitter.MaxWindowChars + 10, $"{p.Text.Length} chars"));
        Assert.Equal(blob, string.Concat(passages.Select(p => p.Text[4..^4])));
    }

    [Fact]
    public void Split_ParagraphOfOneLongSentence_IsCutIntoWindows()
    {
        var sentence = string.Join(' ', Enumerable.Range(1, 300).Select(i => "word" + i)) + ".";

        var passages = KnowledgeSplitter.Split("doc.md", sentence);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.True(p.Text.Split(' ').Length <= KnowledgeSplitter.WindowWords));
        Assert.StartsWith("word1 word2", passages[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("word300.", passages[^1].Text, StringComparison.Ordinal);
    }
}
