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
}
