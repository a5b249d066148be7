using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Providers;

/// <summary>
/// Splits knowledge files into passages: markdown headings start sections, blank lines end paragraphs, and a
/// paragraph longer than <see cref="MaxSentences"/> sentences (or list items) is cut into groups of
/// <see cref="ChunkSentences"/>. Fenced code blocks stay whole.
/// </summary>
internal static partial class KnowledgeSplitter
{
    public const int MaxSentences = 4;
    public const int ChunkSentences = 3;

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
                    passages.Add(new KnowledgePassage(file, heading, string.Join('\n', block).Trim()));
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
            passages.Add(new KnowledgePassage(file, heading, string.Join(separator, units)));
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

            passages.Add(new KnowledgePassage(file, heading, chunk.ToString()));
        }
    }
}
