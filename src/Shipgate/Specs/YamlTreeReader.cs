using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipgate.Specs;

/// <summary>
/// Reads YAML with the low-level parser into <see cref="SpecNode"/>s. The representation model would hide
/// duplicate keys and some positions; the event stream gives us both.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Returns the document's root (null for an empty file) or null with errors added on a syntax error.</summary>
    public static SpecNode? Read(string text, string file, List<SpecError> errors, out bool failed)
    {
        failed = false;
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
            var root = ReadNode(parser, file, anchors, errors, ref last);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                errors.Add(new SpecError(Location(file, second.Start), "a file may hold only one YAML document", "remove the second '---' and what follows, or move it to its own file"));
            }

            return root is ScalarNode { IsNull: true } ? null : root;
        }
        catch (YamlException e)
        {
            failed = true;
            if (!AddTabErrors(text, file, errors))
            {
                errors.Add(new SpecError(Location(file, e.Start), "invalid YAML: " + Tidy(e.Message), "check indentation, quotes, colons and brackets around here"));
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this for some unterminated constructs (e.g. an unclosed '[').
            failed = true;
            if (!AddTabErrors(text, file, errors))
            {
                errors.Add(new SpecError(Location(file, last), "invalid YAML: the file ends inside an unfinished value", "close every '[', '{' and quote opened after this point"));
            }

            return null;
        }
    }

    private static SpecNode ReadNode(IParser parser, string file, Dictionary<string, SpecNode> anchors, List<SpecError> errors, ref Mark last)
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        last = current.Start;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                errors.Add(new SpecError(Location(file, alias.Start), $"unknown alias '*{alias.Value.Value}'", "define the anchor with '&name' before using it"));
                return new ScalarNode("", false, Location(file, alias.Start));

            case Scalar scalar:
            {
                parser.MoveNext();
                var quoted = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str");
                var node = new ScalarNode(scalar.Value, quoted, Location(file, scalar.Start));
                Remember(scalar, node, anchors);
                return node;
            }

            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<SpecNode>();
                while (parser.Current is not SequenceEnd)
                {
                    items.Add(ReadNode(parser, file, anchors, errors, ref last));
                }

                parser.MoveNext();
                var node = new SequenceNode(items, Location(file, start.Start));
                Remember(start, node, anchors);
                return node;
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                while (parser.Current is not MappingEnd)
                {
                    var key = ReadNode(parser, file, anchors, errors, ref last);
                    var value = ReadNode(parser, file, anchors, errors, ref last);
                    if (key is ScalarNode scalarKey)
                    {
                        entries.Add(new(scalarKey, value));
                    }
                    else
                    {
                        errors.Add(new SpecError(key.Location, "keys must be plain names, not " + key.Describe(), null));
                    }
                }

                parser.MoveNext();
                var node = new MappingNode(entries, Location(file, start.Start));
                Remember(start, node, anchors);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, "unexpected " + current.GetType().Name);
        }
    }

    private static void Remember(NodeEvent e, SpecNode node, Dictionary<string, SpecNode> anchors)
    {
        if (!e.Anchor.IsEmpty)
        {
            anchors[e.Anchor.Value] = node;
        }
    }

    /// <summary>YamlDotNet reports tab indentation at a wrong place, so find the tabs ourselves.</summary>
    private static bool AddTabErrors(string text, string file, List<SpecError> errors)
    {
        var found = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length; c++)
            {
                if (line[c] == ' ')
                {
                    continue;
                }

                if (line[c] == '\t')
                {
                    errors.Add(new SpecError(new SourceLocation(file, i + 1, c + 1), "tabs are not allowed for indentation; use spaces", "replace the tab with spaces"));
                    found = true;
                }

                break;
            }
        }

        return found;
    }

    private static string Tidy(string message)
    {
        var m = message.Trim();
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..].TrimEnd('.') : m;
    }

    private static SourceLocation Location(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
