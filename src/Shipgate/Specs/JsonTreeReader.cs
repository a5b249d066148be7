using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shipgate.Specs;

/// <summary>
/// Reads one JSON value (a JSONL line) into <see cref="SpecNode"/>s with a column for every value. The reader's
/// depth limit (<see cref="SpecLimits.MaxDepth"/>) fails the line before the recursion here can go deep.
/// </summary>
internal static partial class JsonTreeReader
{
    public static SpecNode? ReadLine(string line, string file, int lineNumber, List<SpecError> errors)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = SpecLimits.MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var node = ReadValue(ref reader, bytes, file, lineNumber);
            if (reader.Read())
            {
                errors.Add(new SpecError(Location(file, lineNumber, bytes, (int)reader.TokenStartIndex), "unexpected text after the JSON value", "put exactly one JSON object on each line"));
            }

            return node;
        }
        catch (JsonException e)
        {
            var position = (int)Math.Min(e.BytePositionInLine ?? 0, bytes.Length);
            var message = PositionSuffix().Replace(e.Message, "").Trim().TrimEnd('.');
            errors.Add(new SpecError(Location(file, lineNumber, bytes, position), "invalid JSON: " + message, "each line must be one complete JSON object"));
            return null;
        }
        catch (SpecException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    private static SpecNode ReadValue(ref Utf8JsonReader reader, byte[] bytes, string file, int lineNumber)
    {
        var location = Location(file, lineNumber, bytes, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ScalarNode(Text(ref reader, bytes, file, lineNumber), true, Location(file, lineNumber, bytes, (int)reader.TokenStartIndex));
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, bytes, file, lineNumber)));
                }

                return new MappingNode(entries, location);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, bytes, file, lineNumber));
                }

                return new SequenceNode(items, location);
            }

            case JsonTokenType.String:
                return new ScalarNode(Text(ref reader, bytes, file, lineNumber), true, location);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), false, location);
            case JsonTokenType.True:
                return new ScalarNode("true", false, location);
            case JsonTokenType.False:
                return new ScalarNode("false", false, location);
            default:
                return new ScalarNode("null", false, location);
        }
    }

    /// <summary>A string token's text; a lone surrogate escape (<c>"\ud800"</c>) cannot become text and is a located error.</summary>
    private static string Text(ref Utf8JsonReader reader, byte[] bytes, string file, int lineNumber)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw new SpecException(new SpecError(Location(file, lineNumber, bytes, (int)reader.TokenStartIndex), "invalid JSON string: it escapes half of a UTF-16 surrogate pair (such as \\ud800 alone)", "escape both halves of the pair (\\ud83d\\ude00) or remove it"));
        }
    }

    private static SourceLocation Location(string file, int lineNumber, byte[] bytes, int byteOffset) =>
        new(file, lineNumber, Encoding.UTF8.GetCharCount(bytes, 0, Math.Clamp(byteOffset, 0, bytes.Length)) + 1);

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex PositionSuffix();
}
