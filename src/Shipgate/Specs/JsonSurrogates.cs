namespace Shipgate.Specs;

/// <summary>
/// Finds a <c>\uD800</c>-style escape that is not half of a surrogate pair. System.Text.Json parses such text but throws
/// when the string is read, so files from users are scanned first to report it at its line and column.
/// </summary>
internal static class JsonSurrogates
{
    /// <summary>1-based line and column of the first lone surrogate escape in <paramref name="json"/>, or null.</summary>
    public static (int Line, int Column)? FindLone(string json)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (c != '\\' || i + 1 >= json.Length)
            {
                continue;
            }

            // Backslashes occur only inside strings in valid JSON; an invalid file fails the parser anyway.
            if (Escaped(json, i) is not { } unit)
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate(unit) && Escaped(json, i + 6) is { } low && char.IsLowSurrogate(low))
            {
                i += 11;
                continue;
            }

            if (char.IsSurrogate(unit))
            {
                return (line, i - lineStart + 1);
            }

            i += 5;
        }

        return null;
    }

    private static char? Escaped(string json, int at)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u')
        {
            return null;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var h = json[k];
            var digit = h is >= '0' and <= '9' ? h - '0' : h is >= 'a' and <= 'f' ? h - 'a' + 10 : h is >= 'A' and <= 'F' ? h - 'A' + 10 : -1;
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return (char)value;
    }
}
