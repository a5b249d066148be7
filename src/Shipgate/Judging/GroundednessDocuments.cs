using System.Text.RegularExpressions;
using Shipgate.Providers;

namespace Shipgate.Judging;

/// <summary>
/// The documents a claim is checked against: the case's context first (all of it), then passages of the feature's
/// knowledge files. Knowledge is capped at <see cref="MaxKnowledgeChars"/> characters for the model judge; when the
/// files are larger, the passages sharing the most words with the output are kept (deterministic, no model needed).
/// </summary>
internal static partial class GroundednessDocuments
{
    /// <summary>Cap on knowledge text sent to a model judge (about 6k tokens).</summary>
    public const int MaxKnowledgeChars = 24_000;

    /// <summary>Every knowledge passage of the files, in file order.</summary>
    public static async Task<IReadOnlyList<KnowledgePassage>> PassagesAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var passages = new List<KnowledgePassage>();
        foreach (var file in files.Where(File.Exists))
        {
            passages.AddRange(KnowledgeSplitter.Split(file, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
        }

        return passages;
    }

    /// <summary>The knowledge passages most relevant to <paramref name="output"/> within the cap, kept in file order; and whether some were left out.</summary>
    public static (IReadOnlyList<KnowledgePassage> Kept, bool Truncated) Select(IReadOnlyList<KnowledgePassage> passages, string output, int maxChars = MaxKnowledgeChars)
    {
        if (passages.Sum(p => p.EmbeddingText.Length + 2) <= maxChars)
        {
            return (passages, false);
        }

        var words = Words(output);
        var ranked = passages
            .Select((p, i) => (Passage: p, Index: i, Overlap: Words(p.EmbeddingText).Count(words.Contains)))
            .OrderByDescending(x => x.Overlap).ThenBy(x => x.Index);
        var kept = new List<(KnowledgePassage Passage, int Index)>();
        var used = 0;
        foreach (var x in ranked)
        {
            if (used + x.Passage.EmbeddingText.Length + 2 > maxChars)
            {
                continue;
            }

            kept.Add((x.Passage, x.Index));
            used += x.Passage.EmbeddingText.Length + 2;
        }

        return ([.. kept.OrderBy(k => k.Index).Select(k => k.Passage)], true);
    }

    private static HashSet<string> Words(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 3 || w.Any(char.IsDigit))];

    [GeneratedRegex(@"[\p{L}\p{N}$%]+")]
    private static partial Regex Word();
}
