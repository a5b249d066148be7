using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// Finds the JSON in a model output: the whole (trimmed) output, or else a single fenced <c>```json</c> (or bare <c>```</c>)
/// block inside it, the way models often wrap JSON in prose.
/// </summary>
internal static partial class JsonOutput
{
    /// <summary>Parses the output; on success <paramref name="document"/> is set and <paramref name="source"/> says what was parsed.</summary>
    public static bool TryParse(string output, out JsonDocument? document, out string source, out string error)
    {
        document = null;
        error = "";
        var trimmed = output.Trim();
        source = "bare output";
        if (trimmed.Length == 0)
        {
            error = "not valid JSON: output is empty";
            return false;
        }

        if (TryParseText(trimmed, out document, out var bareError))
        {
            return true;
        }

        var fences = Fence().Matches(output);
        if (fences.Count == 0)
        {
            error = $"not valid JSON: {bareError}";
            return false;
        }

        if (fences.Count > 1)
        {
            error = $"not valid JSON: output is not bare JSON and has {fences.Count} fenced code blocks (expected one)";
            return false;
        }

        var block = fences[0];
        var line = output.AsSpan(0, block.Index).Count('\n') + 1;
        source = $"fenced ```json block at line {line}";
        if (TryParseText(block.Groups["body"].Value, out document, out var fenceError))
        {
            return true;
        }

        error = $"not valid JSON in the fenced block at line {line}: {fenceError}";
        return false;
    }

    private static bool TryParseText(string text, out JsonDocument? document, out string error)
    {
        try
        {
            document = JsonDocument.Parse(text);
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = Describe(ex);
            return false;
        }
    }

    /// <summary>"'x' is an invalid start of a value at line 1, byte 1" from System.Text.Json's message (0-based positions).</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        // System.Text.Json suggests changing reader options; a model output cannot, so drop the advice.
        var advice = message.IndexOf(" Change the reader options", StringComparison.Ordinal);
        if (advice >= 0)
        {
            message = message[..advice];
        }

        message = message.TrimEnd('.', ' ');
        return ex.LineNumber is { } lineNumber
            ? $"{message} at line {lineNumber + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}"
            : message;
    }

    [GeneratedRegex(@"```[ \t]*(?:json|JSON|jsonc)?[ \t]*\r?\n(?<body>.*?)\r?\n?[ \t]*```", RegexOptions.Singleline, 1000)]
    private static partial Regex Fence();
}
