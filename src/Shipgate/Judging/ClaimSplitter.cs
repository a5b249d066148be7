using System.Text.RegularExpressions;

namespace Shipgate.Judging;

/// <summary>
/// The offline judge's claims: an output's sentences and list items. Fragments of fewer than
/// <see cref="MinWords"/> words ("Thanks!", "Hope this helps.") state no fact and are skipped, and so are admissions of
/// not knowing ("I could not find this in the documentation."): declining to answer is not a hallucination.
/// </summary>
internal static partial class ClaimSplitter
{
    public const int MinWords = 3;

    public static IReadOnlyList<string> Split(string text) => Split(text, MinWords);

    /// <summary>Every sentence, short ones included (context sentences are evidence, not claims).</summary>
    public static IReadOnlyList<string> SplitAll(string text) => Split(text, 1);

    private static IReadOnlyList<string> Split(string text, int minWords)
    {
        var claims = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var item = ListMarker().Replace(line.Trim(), "").Trim();
            foreach (var sentence in SentenceBoundary().Split(item))
            {
                var s = sentence.Trim();
                if (s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= minWords && (minWords == 1 || !NotKnowing().IsMatch(s)))
                {
                    claims.Add(s);
                }
            }
        }

        return claims;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}0-9""'(\[])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^(I|We)('m| am| are)? ?(could not|couldn't|cannot|can't|do not|don't|did not|didn't|not sure|unable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotKnowing();

    [GeneratedRegex(@"^([-*+]|\d+[.)]|#+)\s+")]
    private static partial Regex ListMarker();
}
