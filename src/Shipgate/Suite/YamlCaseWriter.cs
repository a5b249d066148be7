using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shipgate.Suite;

/// <summary>
/// Writes imported cases as YAML block items. Text is always double-quoted with escapes, so no input
/// (colons, '#', quotes, line breaks, leading dashes) can change the file's structure.
/// </summary>
internal static partial class YamlCaseWriter
{
    private const int MaxCommentChars = 1200;

    /// <param name="indent">Spaces before each item's dash (matches the existing list).</param>
    public static string Write(IReadOnlyList<ImportedCase> cases, string indent, string sourceFile)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            sb.Append('\n');
            Comment(sb, indent, $"from {sourceFile} line {c.Line.ToString(CultureInfo.InvariantCulture)} ({c.Origin}), added {Date(c.Added)} by shipgate cases add");
            if (c.ObservedOutput is { } output)
            {
                Comment(sb, indent, "observed bad output:");
                var shown = output.Length > MaxCommentChars ? output[..MaxCommentChars] + " …" : output;
                foreach (var line in shown.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
                {
                    Comment(sb, indent, "  " + line);
                }
            }

            if (!c.HasAssertions)
            {
                Comment(sb, indent, "TODO: add assertions saying what a good answer must (not) contain; until then only the defaults apply");
            }

            var item = indent + "  ";
            sb.Append(indent).Append("- id: ").Append(Plain(c.Id)).Append('\n');
            sb.Append(item).Append("description: ").Append(Quote(c.Description)).Append('\n');
            sb.Append(item).Append("origin: ").Append(Plain(c.Origin)).Append('\n');
            sb.Append(item).Append("added: ").Append(Date(c.Added)).Append('\n');
            sb.Append(item).Append("tags: [").Append(string.Join(", ", c.Tags.Select(Plain))).Append("]\n");
            sb.Append(item).Append("vars:\n");
            foreach (var (name, value) in c.Vars.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                sb.Append(item).Append("  ").Append(Key(name)).Append(": ").Append(Quote(value)).Append('\n');
            }

            if (c.Reference is not null)
            {
                sb.Append(item).Append("reference: ").Append(Quote(c.Reference)).Append('\n');
            }

            if (c.Context.Count > 0)
            {
                sb.Append(item).Append("context:\n");
                foreach (var document in c.Context)
                {
                    sb.Append(item).Append("  - ").Append(Quote(document)).Append('\n');
                }
            }

            if (c.HasAssertions)
            {
                sb.Append(item).Append("assertions:");
                Node(sb, c.Assertions, item + "  ");
            }
        }

        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar: escapes backslash, quote and control characters; everything else literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\u2028' or '\u2029' or '\u0085' or '\uFEFF':
                    sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                case < ' ' or '\u007F':
                    sb.Append("\\x").Append(((int)ch).ToString("X2", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Plain (unquoted) when the text cannot be read as anything but a string, else quoted.</summary>
    public static string Plain(string value) =>
        PlainWord().IsMatch(value) && !ReservedWord().IsMatch(value) ? value : Quote(value);

    private static string Key(string name) => PlainKey().IsMatch(name) ? name : Quote(name);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Comment(StringBuilder sb, string indent, string text) =>
        sb.Append(indent).Append("# ").Append(text.TrimEnd()).Append('\n');

    /// <summary>Appends a JSON value after "key:" (the cursor sits right after the colon).</summary>
    private static void Node(StringBuilder sb, JsonNode? node, string indent)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                sb.Append(" []\n");
                break;
            case JsonObject obj:
                sb.Append('\n');
                foreach (var (name, value) in obj)
                {
                    sb.Append(indent).Append(Key(name)).Append(':');
                    Node(sb, value, indent + "  ");
                }

                break;
            case JsonArray array:
                sb.Append('\n');
                foreach (var value in array)
                {
                    sb.Append(indent).Append('-');
                    Item(sb, value, indent + "  ");
                }

                break;
            default:
                sb.Append(' ').Append(Scalar(node)).Append('\n');
                break;
        }
    }

    /// <summary>Appends a list item after its dash.</summary>
    private static void Item(StringBuilder sb, JsonNode? node, string indent)
    {
        if (node is JsonObject { Count: > 0 } obj)
        {
            var first = true;
            foreach (var (name, value) in obj)
            {
                sb.Append(first ? " " : indent).Append(Key(name)).Append(':');
                Node(sb, value, indent + "  ");
                first = false;
            }
        }
        else
        {
            Node(sb, node, indent);
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Quote(v.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        },
        _ => Quote(node.ToJsonString()),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKey();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();

    // Words YAML 1.1 readers take as booleans or null.
    [GeneratedRegex("^(?:y|n|yes|no|true|false|on|off|null)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReservedWord();
}
