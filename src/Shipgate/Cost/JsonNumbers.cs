using System.Globalization;
using System.Text.Json;

namespace Shipgate.Cost;

/// <summary>Reads JSON numbers as exact decimals (LiteLLM writes prices as <c>1.25e-07</c> or <c>0</c>); never via double.</summary>
internal static class JsonNumbers
{
    public static decimal? Decimal(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new PriceCatalogException($"{where}: '{name}' must be a number, got {value.ValueKind.ToString().ToLowerInvariant()} {Short(value)}; write the USD price per token, e.g. 1.5e-07");
        }

        var raw = value.GetRawText();
        try
        {
            var d = decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (d < 0)
            {
                throw new PriceCatalogException($"{where}: '{name}' is negative ({raw}); prices are 0 or more");
            }

            return d;
        }
        catch (OverflowException)
        {
            throw new PriceCatalogException($"{where}: '{name}' is out of range ({raw})");
        }
    }

    /// <summary>A whole number, or null when absent or not a number (LiteLLM's sample entry writes prose there).</summary>
    public static long? Long(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= long.MaxValue
            ? (long)d
            : null;

    public static bool? Bool(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Parses a whole document; a syntax error or a lone surrogate escape names the file, line and column.</summary>
    public static JsonDocument Parse(string json, string file)
    {
        // System.Text.Json accepts "\ud800" while parsing and throws only when the string is read: report it here, with its place.
        if (Specs.JsonSurrogates.FindLone(json) is { } lone)
        {
            throw new PriceCatalogException($"{file}:{lone.Line}:{lone.Column}: not valid JSON text: a lone surrogate escape (such as \\ud800) is not valid Unicode; fix the file (or download it again) and retry");
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new PriceCatalogException($"{file}:{line}:{column}: not valid JSON: {reason}; fix the file (or download it again) and retry");
        }
    }

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
