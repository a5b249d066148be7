using System.Text.Json;
using System.Text.Json.Nodes;
using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>
/// Reads a JSONL file of production traces or complaints: one object per line with <c>input</c> (text or an
/// object of vars), and optionally <c>output</c>, <c>note</c>, <c>id</c>, <c>origin</c>, <c>tags</c>,
/// <c>reference</c>, <c>context</c> (text or a list: what the answer had to go on), <c>assertions</c>. Other fields are ignored (trace exports carry metadata), except near
/// misspellings of these, which are errors. Every problem is reported with its line.
/// </summary>
internal static class ProductionItemReader
{
    public const string DefaultOrigin = "production";

    private static readonly string[] Known = ["input", "output", "note", "id", "origin", "tags", "reference", "context", "assertions"];

    public static IReadOnlyList<ProductionItem> Read(string text, string display, List<SpecError> errors)
    {
        var items = new List<ProductionItem>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var at = new SourceLocation(display, i + 1, 1);
            if (JsonSurrogates.FindLone(line) is { } lone)
            {
                errors.Add(new SpecError(at with { Column = lone.Column }, $"'{line.Substring(lone.Column - 1, 6)}' is half of a UTF-16 surrogate pair, not a character",
                    "remove it, or write the whole pair (e.g. \\ud83d\\ude00) or the character itself"));
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException ex)
            {
                errors.Add(new SpecError(at, $"not valid JSON: {ex.Message}", "write one JSON object per line"));
                continue;
            }

            if (node is not JsonObject obj)
            {
                errors.Add(new SpecError(at, $"expected a JSON object, got {Kind(node)}", "write one object per line, e.g. {\"input\": \"...\", \"output\": \"...\", \"note\": \"...\"}"));
                continue;
            }

            try
            {
                if (ReadItem(obj, i + 1, at, errors) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (InvalidOperationException ex)
            {
                // Text the JSON reader cannot turn into a string (an invalid escape it let through): bad input, not a crash.
                errors.Add(new SpecError(at, $"unreadable text: {ex.Message}", "fix the escapes in this line"));
            }
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors.Add(new SpecError(SourceLocation.FileOnly(display), "the file has no items", "write one JSON object per line with at least an 'input'"));
        }

        return items;
    }

    private static ProductionItem? ReadItem(JsonObject obj, int line, SourceLocation at, List<SpecError> errors)
    {
        var before = errors.Count;
        foreach (var (name, _) in obj)
        {
            if (!Known.Contains(name, StringComparer.Ordinal)
                && DidYouMean.Suggest(name, Known) is { } suggestion
                && Math.Abs(suggestion.Length - name.Length) <= 2)
            {
                errors.Add(new SpecError(at, $"unknown field '{name}'", $"did you mean '{suggestion}'?"));
            }
        }

        string? inputText = null;
        Dictionary<string, string>? inputVars = null;
        switch (obj["input"])
        {
            case null:
                errors.Add(new SpecError(at, "missing 'input'", "give the user's input as text, or an object of prompt variables"));
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                inputText = v.GetValue<string>();
                break;
            case JsonObject vars:
                inputVars = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in vars)
                {
                    if (Scalar(value) is { } s)
                    {
                        inputVars[name] = s;
                    }
                    else
                    {
                        errors.Add(new SpecError(at, $"var '{name}' in 'input' is {Kind(value)}", "vars are text; put structured values in a string"));
                    }
                }

                break;
            default:
                errors.Add(new SpecError(at, $"'input' is {Kind(obj["input"])}", "give the input as text, or an object of prompt variables"));
                break;
        }

        var output = Text(obj, "output", at, errors);
        var note = Text(obj, "note", at, errors);
        var id = Text(obj, "id", at, errors);
        var origin = Text(obj, "origin", at, errors);
        var reference = Text(obj, "reference", at, errors);
        if (origin is not null && origin.Trim().Length == 0)
        {
            errors.Add(new SpecError(at, "'origin' is empty", "leave it out (production) or name it, e.g. complaint"));
        }

        var context = new List<string>();
        switch (obj["context"])
        {
            case null:
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                context.Add(v.GetValue<string>());
                break;
            case JsonArray array when array.All(c => c is JsonValue cv && cv.GetValueKind() == JsonValueKind.String):
                context.AddRange(array.Select(c => c!.GetValue<string>()));
                break;
            default:
                errors.Add(new SpecError(at, $"'context' is {Kind(obj["context"])}", "give the documents the answer had as text, or a list of texts"));
                break;
        }

        var tags = new List<string>();
        switch (obj["tags"])
        {
            case null:
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                tags.Add(v.GetValue<string>());
                break;
            case JsonArray array:
                foreach (var t in array)
                {
                    if (t is JsonValue tv && tv.GetValueKind() == JsonValueKind.String)
                    {
                        tags.Add(tv.GetValue<string>());
                    }
                    else
                    {
                        errors.Add(new SpecError(at, $"a tag is {Kind(t)}", "tags are strings, e.g. [\"billing\", \"edge\"]"));
                    }
                }

                break;
            default:
                errors.Add(new SpecError(at, $"'tags' is {Kind(obj["tags"])}", "give a list of strings"));
                break;
        }

        JsonArray? assertions = null;
        switch (obj["assertions"])
        {
            case null:
                break;
            case JsonArray array when array.All(a => a is JsonObject):
                assertions = (JsonArray)array.DeepClone();
                break;
            default:
                errors.Add(new SpecError(at, "'assertions' must be a list of assertion objects", "e.g. [{\"type\": \"icontains\", \"value\": \"30 days\"}] (see docs/spec.md)"));
                break;
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new ProductionItem(line, inputText, inputVars, output, note, id, origin?.Trim() ?? DefaultOrigin,
            [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0)], reference, assertions)
        {
            Context = [.. context.Where(c => c.Trim().Length > 0)],
        };
    }

    private static string? Text(JsonObject obj, string name, SourceLocation at, List<SpecError> errors)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        errors.Add(new SpecError(at, $"'{name}' is {Kind(node)}", $"give '{name}' as a string"));
        return null;
    }

    /// <summary>Strings as they are; numbers and booleans as written; anything else is not a var.</summary>
    private static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
        _ => "unknown",
    };
}
