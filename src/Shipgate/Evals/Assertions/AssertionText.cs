using System.Globalization;
using System.Text;

namespace Shipgate.Evals.Assertions;

/// <summary>Shared wording for assertion reasons: short quoted excerpts and invariant numbers.</summary>
internal static class AssertionText
{
    /// <summary>Longest excerpt of an output or value quoted in a reason.</summary>
    public const int MaxExcerpt = 80;

    /// <summary>The text quoted, newlines and control characters flattened, cut at <see cref="MaxExcerpt"/> with an ellipsis.</summary>
    public static string Quote(string text) => "\"" + Excerpt(text) + "\"";

    public static string Excerpt(string text, int max = MaxExcerpt)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (sb.Length >= max)
            {
                sb.Length = max - 1;
                sb.Append('…');
                break;
            }

            sb.Append(c switch
            {
                '\n' => '⏎',
                '\r' => ' ',
                '\t' => ' ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return sb.ToString();
    }

    public static string QuoteAll(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    public static string CaseNote(bool ignoreCase) => ignoreCase ? " (case-insensitive)" : "";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Chars(int count) => count == 1 ? "1 char" : $"{count} chars";
}
