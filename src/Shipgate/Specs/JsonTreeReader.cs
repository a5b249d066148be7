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
        long nodes = 0;
        return ReadLine(line, file, lineNumber, errors, ref nodes);
    }

    /// <summary>Reads one line; <paramref name="nodes"/> counts values across a file's lines against <see cref="SpecLimits.MaxNodes"/>.</summary>
    public static SpecNode? ReadLine(string line, string file, int lineNumber, List<SpecError> errors, ref long nodes)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = SpecLimits.MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var node = ReadValue(ref reader, bytes, file, lineNumber, ref nodes);
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

    private static SpecNode ReadValue(ref Utf8JsonReader reader, byte[] bytes, string file, int lineNumber, ref long nodes)
    {
        var location = Location(file, lineNumber, bytes, (int)reader.TokenStartIndex);
        if (++nodes > SpecLimits.MaxNodes)
        {
            throw new SpecException(new SpecError(location, $"the file holds more than {SpecLimits.MaxNodes:N0} values", "split the cases over several files"));
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ScalarNode(Text(ref reader, bytes, file, lineNumber), true, Location(file, lineNumber, bytes, (int)reader.TokenStartIndex));
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, bytes, file, lineNumber, ref nodes)));
                }

                return new MappingNode(entries, location);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, bytes, file, lineNumber, ref nodes));
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
