using System.Globalization;
using System.Text;

namespace Shipgate.Specs;

/// <summary>
/// Characters a terminal acts on instead of showing: C0/C1 controls (ESC starts colour and cursor sequences, BEL rings)
/// and the bidirectional overrides that make text read differently than it is stored. Spec values are echoed to the
/// console and CI logs, so they are shown escaped (<c>\x1B</c>), never raw.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>True for a character that must not reach a terminal raw. Line feed and tab are layout, not control.</summary>
    public static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Index of the first unsafe character (line feed and tab included when <paramref name="singleLine"/>), or -1.</summary>
    public static int IndexOfUnsafe(string text, bool singleLine = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) || (singleLine && text[i] is '\n' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text with every unsafe character (and, when <paramref name="singleLine"/>, line feeds and tabs) written as <c>\xNN</c> or <c>\uNNNN</c>.</summary>
    public static string Escape(string text, bool singleLine = false)
    {
        if (IndexOfUnsafe(text, singleLine) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsUnsafe(c) || (singleLine && c is '\n' or '\t'))
            {
                sb.Append(c <= '\u00FF' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
