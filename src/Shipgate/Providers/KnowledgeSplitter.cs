using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Providers;

/// <summary>
/// Splits knowledge files into passages: markdown headings start sections, blank lines end paragraphs, and a
/// paragraph longer than <see cref="MaxSentences"/> sentences (or list items) is cut into groups of
/// <see cref="ChunkSentences"/>. Any passage still longer than <see cref="MaxWords"/> words (a code block, a run-on
/// paragraph) is cut into overlapping windows of <see cref="WindowWords"/> words: one huge passage would otherwise
/// make the embedding model pad every passage to its length (gigabytes, minutes) and answer with a wall of text.
/// </summary>
internal static partial class KnowledgeSplitter
{
    public const int MaxSentences = 4;
    public const int ChunkSentences = 3;

    /// <summary>Longest passage kept whole, in words.</summary>
    public const int MaxWords = 120;

    /// <summary>Window length when a passage is cut, in words; neighbouring windows share <see cref="OverlapWords"/>.</summary>
    public const int WindowWords = 100;

    public const int OverlapWords = 20;

    /// <summary>Longest window in characters, so a few enormous "words" (minified code, base64) cannot make one huge passage.</summary>
    public const int MaxWindowChars = 1200;

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordWithSpace();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}0-9""'(\[])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    public static IReadOnlyList<KnowledgePassage> Split(string file, string content)
    {
        var passages = new List<KnowledgePassage>();
        string? heading = null;
        var block = new List<string>();
        var inFence = false;

        void Flush()
        {
            if (block.Count > 0)
            {
                AddBlock(file, heading, block, passages);
                block.Clear();
            }
        }

        foreach (var rawLine in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                block.Add(line);
                inFence = !inFence;
                if (!inFence)
                {
                    AddWindowed(file, heading, string.Join('\n', block).Trim(), passages);
                    block.Clear();
                }

                continue;
            }

            if (inFence)
            {
                block.Add(line);
                continue;
            }

            if (line.StartsWith('#'))
            {
                Flush();
                heading = line.TrimStart('#').Trim();
                continue;
            }

            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            block.Add(line);
        }

        Flush();
        return passages;
    }

    private static void AddBlock(string file, string? heading, List<string> lines, List<KnowledgePassage> passages)
    {
        var isList = lines.Count > 1 && lines.All(l => ListItem().IsMatch(l) || l.StartsWith("  ", StringComparison.Ordinal));
        List<string> units;
        string separator;
        if (isList)
        {
            units = [];
            foreach (var l in lines)
            {
                if (ListItem().IsMatch(l) || units.Count == 0)
                {
                    units.Add(l.Trim());
                }
                else
                {
                    units[^1] += " " + l.Trim();
                }
            }

            separator = "\n";
        }
        else
        {
            var prose = string.Join(' ', lines.Select(l => l.Trim()));
            units = [.. SentenceBoundary().Split(prose).Where(s => s.Length > 0)];
            separator = " ";
        }

        if (units.Count <= MaxSentences)
        {
            AddWindowed(file, heading, string.Join(separator, units), passages);
            return;
        }

        for (var i = 0; i < units.Count; i += ChunkSentences)
        {
            var chunk = new StringBuilder();
            foreach (var unit in units.Skip(i).Take(ChunkSentences))
            {
                if (chunk.Length > 0)
                {
                    chunk.Append(separator);
                }

                chunk.Append(unit);
            }

            AddWindowed(file, heading, chunk.ToString(), passages);
        }
    }

    /// <summary>Adds the text as one passage, or as overlapping windows when it is too long; a cut code block keeps its fences in every window.</summary>
    private static void AddWindowed(string file, string? heading, string text, List<KnowledgePassage> passages)
    {
        var words = Words(text);
        if (words.Count <= MaxWords && text.Length <= MaxWindowChars)
        {
            passages.Add(new KnowledgePassage(file, heading, text));
            return;
        }

        string? fence = null;
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            fence = firstLineEnd < 0 ? text : text[..firstLineEnd];
            words = Words(firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..].TrimEnd().TrimEnd('`').TrimEnd());
        }

        var start = 0;
        while (start < words.Count)
        {
            var end = start;
            var chars = 0;
            while (end < words.Count && end - start < WindowWords && (end == start || chars + words[end].Length <= MaxWindowChars))
            {
                chars += words[end].Length;
                end++;
            }

            var window = string.Concat(words.Skip(start).Take(end - start)).TrimEnd();
            passages.Add(new KnowledgePassage(file, heading, fence is null ? window : fence + "\n" + window + "\n```"));
            if (end >= words.Count)
            {
                break;
            }

            // Overlap so a fact cut at a window's edge is whole in the next one; always move forward.
            start = Math.Max(start + 1, end - Math.Min(OverlapWords, (end - start) / 2));
        }
    }

    /// <summary>Words with the whitespace after them (so windows keep line breaks); words longer than a window are cut.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (Match match in WordWithSpace().Matches(text))
        {
            var word = match.Value;
            for (var i = 0; i < word.Length; i += MaxWindowChars)
            {
                words.Add(word.Substring(i, Math.Min(MaxWindowChars, word.Length - i)));
            }
        }

        return words;
    }
}
