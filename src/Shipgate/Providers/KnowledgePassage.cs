namespace Shipgate.Providers;

/// <summary>A few sentences of a knowledge file: what the extractive stand-in answers with.</summary>
/// <param name="Text">The passage as it reads in the file (lines of prose joined).</param>
/// <param name="Heading">The nearest markdown heading above it, if any (embedded with the text for context).</param>
internal sealed record KnowledgePassage(string File, string? Heading, string Text)
{
    public string EmbeddingText => Heading is null ? Text : Heading + ": " + Text;
}
