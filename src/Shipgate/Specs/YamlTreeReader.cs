using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipgate.Specs;

/// <summary>
/// Reads YAML with the low-level parser into <see cref="SpecNode"/>s. The representation model would hide
/// duplicate keys and some positions; the event stream gives us both. Nesting depth and alias expansion are
/// bounded (<see cref="SpecLimits"/>) before recursion or expansion could exhaust the stack or memory.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private readonly string _file;
    private readonly List<SpecError> _errors;
    private readonly Dictionary<string, (SpecNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _aliasNodes;
    private long _nodes;
    private readonly long _maxNodes;
    private Mark _last = Mark.Empty;

    private YamlTreeReader(IParser parser, string file, List<SpecError> errors, long maxNodes)
    {
        _maxNodes = maxNodes;
        _parser = parser;
        _file = file;
        _errors = errors;
    }

    /// <summary>Returns the document's root (null for an empty file) or null with errors added on a syntax error.</summary>
    public static SpecNode? Read(string text, string file, List<SpecError> errors, out bool failed) =>
        Read(text, file, errors, out failed, SpecLimits.MaxNodes);

    /// <summary>As <see cref="Read(string, string, List{SpecError}, out bool)"/> with another value limit (tests use a small one).</summary>
    internal static SpecNode? Read(string text, string file, List<SpecError> errors, out bool failed, long maxNodes)
    {
        failed = false;
        var parser = new Parser(new StringReader(text));
        var reader = new YamlTreeReader(parser, file, errors, maxNodes);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = reader.ReadNode(0, out _);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                errors.Add(new SpecError(Location(file, second.Start), "a file may hold only one YAML document", "remove the second '---' and what follows, or move it to its own file"));
            }

            return root is ScalarNode { IsNull: true } ? null : root;
        }
        catch (SpecException e)
        {
            // A limit was hit: stop reading this file at once.
            failed = true;
            errors.AddRange(e.Errors);
            return null;
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
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for some unterminated constructs (e.g. an unclosed '[') and bad escapes.
            failed = true;
            if (!AddTabErrors(text, file, errors))
            {
                errors.Add(e is InvalidOperationException
                    ? new SpecError(Location(file, reader._last), "invalid YAML: the file ends inside an unfinished value", "close every '[', '{' and quote opened after this point")
                    : new SpecError(Location(file, reader._last), "invalid YAML after this point: " + Tidy(e.Message), "check escapes such as \\u and \\x in double-quoted text"));
            }

            return null;
        }
    }

    /// <summary>One node; <paramref name="size"/> counts the nodes it stands for once aliases are expanded.</summary>
    private SpecNode ReadNode(int depth, out long size)
    {
        var current = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        _last = current.Start;
        if (++_nodes > _maxNodes)
        {
            // Each value costs ~100 bytes as a located node: this keeps one file's tree well under 1 GB.
            throw new SpecException(new SpecError(Location(_file, current.Start), $"the file holds more than {_maxNodes:N0} values", "split the cases over several files"));
        }

        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    _aliasNodes += target.Size;
                    if (_aliasNodes > SpecLimits.MaxAliasNodes)
                    {
                        throw new SpecException(new SpecError(Location(_file, alias.Start), $"aliases expand to more than {SpecLimits.MaxAliasNodes:N0} values (here at '*{alias.Value.Value}')", "each alias copies its anchor's whole value; write the value out or use fewer, smaller aliases"));
                    }

                    size = target.Size;
                    return target.Node;
                }

                _errors.Add(new SpecError(Location(_file, alias.Start), $"unknown alias '*{alias.Value.Value}'", "define the anchor with '&name' before using it"));
                size = 1;
                return new ScalarNode("", false, Location(_file, alias.Start));

            case Scalar scalar:
            {
                _parser.MoveNext();
                var quoted = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str");
                var node = new ScalarNode(scalar.Value, quoted, Location(_file, scalar.Start));
                if (SpecText.LoneSurrogate(scalar.Value) >= 0)
                {
                    _errors.Add(new SpecError(node.Location, "the text holds half of a UTF-16 surrogate pair (such as \\ud800 alone)", "escape whole characters (\\U0001F600) or remove it"));
                }

                size = 1;
                Remember(scalar, node, size);
                return node;
            }

            case SequenceStart start:
            {
                CheckDepth(depth, start);
                _parser.MoveNext();
                var items = new List<SpecNode>();
                size = 1;
                while (_parser.Current is not SequenceEnd)
                {
                    items.Add(ReadNode(depth + 1, out var itemSize));
                    size += itemSize;
                }

                _parser.MoveNext();
                var node = new SequenceNode(items, Location(_file, start.Start));
                Remember(start, node, size);
                return node;
            }

            case MappingStart start:
            {
                CheckDepth(depth, start);
                _parser.MoveNext();
                var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
                size = 1;
                while (_parser.Current is not MappingEnd)
                {
                    var key = ReadNode(depth + 1, out var keySize);
                    var value = ReadNode(depth + 1, out var valueSize);
                    size += keySize + valueSize;
                    if (key is ScalarNode scalarKey)
                    {
                        entries.Add(new(scalarKey, value));
                    }
                    else
                    {
                        _errors.Add(new SpecError(key.Location, "keys must be plain names, not " + key.Describe(), null));
                    }
                }

                _parser.MoveNext();
                var node = new MappingNode(entries, Location(_file, start.Start));
                Remember(start, node, size);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, "unexpected " + current.GetType().Name);
        }
    }

    /// <summary>Checked on the way down, so recursion stops at the limit whatever the input.</summary>
    private void CheckDepth(int depth, ParsingEvent start)
    {
        if (depth >= SpecLimits.MaxDepth)
        {
            throw new SpecException(new SpecError(Location(_file, start.Start), $"lists and mappings are nested more than {SpecLimits.MaxDepth} levels deep", "flatten the structure; a spec never needs this depth"));
        }
    }

    private void Remember(NodeEvent e, SpecNode node, long size)
    {
        if (!e.Anchor.IsEmpty)
        {
            _anchors[e.Anchor.Value] = (node, size);
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
