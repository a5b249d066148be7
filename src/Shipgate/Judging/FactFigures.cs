using System.Globalization;
using System.Text.RegularExpressions;

namespace Shipgate.Judging;

/// <summary>
/// The checkable figures of a sentence, for the offline judges (docs/judging.md): quantities (amounts with their period,
/// percentages, numbers with the word after them), absolute words (always, never, any, all, unlimited, ...) and the
/// words a verbal negation applies to ("not refunded" negates <c>refund</c>). Plain text rules, deterministic.
/// </summary>
internal static partial class FactFigures
{
    /// <summary>Words that make a claim absolute; a claim using one needs it in its evidence too.</summary>
    public static readonly IReadOnlyList<string> AbsoluteWords = ["always", "never", "any", "anyone", "anything", "every", "everyone", "everything", "all", "unlimited", "forever", "guaranteed"];

    // "one" is left out: as a pronoun ("no one", "a new one") it is no figure.
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["fourteen"] = "14", ["fifteen"] = "15",
        ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["sixty"] = "60", ["ninety"] = "90", ["hundred"] = "100",
    };

    private static readonly HashSet<string> NotUnits = new(StringComparer.Ordinal)
    {
        "and", "or", "of", "to", "the", "a", "an", "in", "on", "at", "for", "with", "by", "is", "are", "was", "were", "if",
        "per", "from", "than", "but", "so", "as", "more", "less", "later", "earlier", "before", "after",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "cannot", "can't", "won't", "don't", "doesn't", "isn't", "aren't", "didn't", "wasn't", "weren't",
        "shouldn't", "mustn't", "hasn't", "haven't", "wouldn't", "couldn't", "nor",
    };

    // Words between a negation and what it negates ("is not yet refunded", "cannot be changed").
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "be", "been", "being", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "get", "gets", "got",
        "yet", "ever", "always", "able", "to", "a", "an", "the", "any", "currently", "automatically", "also", "usually", "you", "we", "it",
    };

    /// <summary>The figures of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<Quantity> Quantities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NumberWord().Replace(text, m => NumberWords[m.Groups["w"].Value] + m.Groups["rest"].Value);
        var result = new List<Quantity>();
        foreach (Match m in Figure().Matches(normalized))
        {
            var value = Value(m.Groups["v"].Value);
            string unit;
            if (m.Groups["money"].Success)
            {
                unit = m.Groups["p"].Success ? "$/" + m.Groups["p"].Value.ToLowerInvariant() : "$";
            }
            else if (m.Groups["pct"].Success)
            {
                unit = "%";
            }
            else
            {
                var word = m.Groups["u"].Success ? m.Groups["u"].Value.ToLowerInvariant() : "";
                unit = word.Length < 2 || NotUnits.Contains(word) ? "" : Stem(word);
                if (unit.Length > 0 && m.Groups["q"].Success)
                {
                    unit = m.Groups["q"].Value.ToLowerInvariant() + " " + unit;
                }
            }

            result.Add(new Quantity(value, unit, m.Value.Trim()));
        }

        return result;
    }

    /// <summary>Units that name the same kind of figure: equal, <c>$</c> with any amount, <c>day</c> with <c>business day</c>.</summary>
    public static bool Compatible(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a == b
            || (a == "$" && b.StartsWith('$')) || (b == "$" && a.StartsWith('$'))
            || (a.Length > 0 && b.EndsWith(" " + a, StringComparison.Ordinal)) || (b.Length > 0 && a.EndsWith(" " + b, StringComparison.Ordinal));
    }

    /// <summary>The absolute words (<see cref="AbsoluteWords"/>) of a text, lower case.</summary>
    public static IReadOnlyList<string> Absolutes(string text) =>
        [.. Tokens(text).Where(t => AbsoluteWords.Contains(t)).Distinct()];

    /// <summary>Stems a verbal negation applies to, each with the words as written ("refund" → "not refunded").</summary>
    public static IReadOnlyDictionary<string, string> Negated(string text)
    {
        var tokens = Tokens(text);
        var negated = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Negators.Contains(tokens[i]) && !tokens[i].EndsWith("n't", StringComparison.Ordinal))
            {
                continue;
            }

            for (var j = i + 1; j < Math.Min(tokens.Count, i + 5); j++)
            {
                if (Fillers.Contains(tokens[j]))
                {
                    continue;
                }

                if (tokens[j].Length > 2 && !Negators.Contains(tokens[j]))
                {
                    negated.TryAdd(Stem(tokens[j]), string.Join(' ', tokens.Skip(i).Take(j - i + 1)));
                }

                break;
            }
        }

        return negated;
    }

    /// <summary>Stems of the content words of a text (three letters or more).</summary>
    public static HashSet<string> Stems(string text) => [.. Tokens(text).Where(t => t.Length > 2 && !Negators.Contains(t)).Select(Stem)];

    /// <summary>
    /// A verbal negation one text applies to a word the other states without one: "renewals are not refunded" against
    /// "renewals are refunded". Returns the negated words as written, or null.
    /// </summary>
    public static string? PolarityConflict(string claim, string evidence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(evidence);
        var claimNegated = Negated(claim);
        var evidenceNegated = Negated(evidence);
        var claimStems = Stems(claim);
        var evidenceStems = Stems(evidence);
        foreach (var (stem, words) in evidenceNegated)
        {
            if (claimStems.Contains(stem) && !claimNegated.ContainsKey(stem))
            {
                return $"the evidence says \"{words}\" and the claim does not";
            }
        }

        foreach (var (stem, words) in claimNegated)
        {
            if (evidenceStems.Contains(stem) && !evidenceNegated.ContainsKey(stem))
            {
                return $"the claim says \"{words}\" and the evidence does not";
            }
        }

        return null;
    }

    /// <summary>Lower case, plural and tense endings cut, so refunds/refunded/refund and expire/expires/expired match.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 4 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)))
        {
            return w[..^3] + "y";
        }

        foreach (var suffix in (string[])["ing", "ed", "es", "s"])
        {
            if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                break;
            }
        }

        return w.Length > 3 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static List<string> Tokens(string text) =>
        [.. Word().Matches(text.Replace('’', '\'').ToLowerInvariant()).Select(m => m.Value.Trim('\''))];

    private static string Value(string raw)
    {
        var v = raw.Replace(",", "", StringComparison.Ordinal).Replace('–', '-').Replace(" ", "", StringComparison.Ordinal);
        return v.Contains('-', StringComparison.Ordinal) || !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? v
            : d.ToString("0.####", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\b(?<w>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)(?<rest>[ -]+[A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    // Amount with an optional period | percentage | a number (or range) with the word after it ("14 days", "14-day",
    // "5-10 business days"). Digits glued to letters or dashes ("TB-402", "2FA") are codes, not figures.
    [GeneratedRegex(@"(?<money>\$\s?(?<v>\d[\d,]*(?:\.\d+)?)(?:\s*(?:per|a|an|each|every|/)\s*(?<p>month|year|week|day))?)|(?<pct>(?<v>\d+(?:\.\d+)?)\s?(?:%|percent\b))|(?<![\w.$,:/-])(?<v>\d[\d,]*(?:\.\d+)?(?:\s?[-–]\s?\d[\d,]*(?:\.\d+)?)?)(?![\w%])(?:(?:\s+|-)(?:(?<q>business|working|calendar)\s+)?(?<u>[A-Za-z]+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
