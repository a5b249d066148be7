using System.Buffers;
using System.Text;

namespace Shipgate.Specs;

/// <summary>
/// Turns the bytes of a spec or case file into text, or reports why it is not UTF-8 text: too large, UTF-16,
/// a NUL byte (a binary file), or an invalid UTF-8 sequence, each at the line and column where it starts.
/// </summary>
internal static class SpecText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text without a UTF-8 byte order mark, or null with an error added.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, List<SpecError> errors)
    {
        if (bytes.Length > SpecLimits.MaxFileBytes)
        {
            errors.Add(new SpecError(new SourceLocation(file, 1, 1), $"'{file}' is {Megabytes(bytes.Length)} MiB; spec and case files may be at most {Megabytes(SpecLimits.MaxFileBytes)} MiB", "split the cases over several files"));
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            errors.Add(new SpecError(new SourceLocation(file, 1, 1), $"'{file}' is UTF-16 or UTF-32 text", "save it as UTF-8"));
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            errors.Add(new SpecError(Position(bytes, nul, file), $"'{file}' looks like a binary file: it contains a NUL byte", "spec and case files are UTF-8 text; check that the right file is named"));
            return null;
        }

        var invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            errors.Add(new SpecError(Position(bytes, invalid, file), $"invalid UTF-8 in '{file}' (byte 0x{bytes[invalid]:X2})", "save the file as UTF-8"));
            return null;
        }

        return Strict.GetString(bytes);
    }

    /// <summary>The index of the first unpaired UTF-16 surrogate in <paramref name="text"/>, or -1.</summary>
    public static int LoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>1-based line and column (in characters) of a byte offset; the bytes before it on its line are valid UTF-8.</summary>
    private static SourceLocation Position(ReadOnlySpan<byte> bytes, int offset, string file)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourceLocation(file, line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
