using System.Text.Json;

namespace Shipgate.Judging;

/// <summary>The shared first step of reading any judge's JSON reply: unfence, parse, find the top-level array.</summary>
internal static class JudgeReply
{
    /// <returns>False with a problem the repair turn can quote back to the judge; on true the caller disposes <paramref name="document"/>.</returns>
    public static bool TryOpenArray(string raw, string property, out JsonDocument? document, out JsonElement array, out string problem)
    {
        document = null;
        array = default;
        problem = "";
        var text = StripFence(raw.Trim());
        if (text.Length == 0)
        {
            problem = "the reply was empty";
            return false;
        }

        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problem = $"the reply is not valid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')})";
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(property, out array) || array.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            document = null;
            problem = $"the reply must be an object with a \"{property}\" array";
            return false;
        }

        return true;
    }

    /// <summary>Judges often wrap JSON in a ```json fence despite being asked not to; the content is what counts.</summary>
    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3].Trim();
    }
}
