using System.Globalization;

namespace Shipgate.Specs;

/// <summary>
/// Typed, located access to one mapping. Construction reports duplicate and unknown keys; each getter
/// reports wrong types and out-of-range values and returns null so loading can go on and find more errors.
/// </summary>
internal sealed class MappingReader
{
    private readonly SpecContext _context;
    private readonly string? _path;
    private readonly Dictionary<string, KeyValuePair<ScalarNode, SpecNode>> _fields = new(StringComparer.Ordinal);

    /// <param name="path">Dotted path for top-level sections (<c>gate</c>), or null.</param>
    /// <param name="owner">Words for list items (<c>case 'refund-1'</c>), or null.</param>
    public MappingReader(SpecContext context, MappingNode map, string? path, string? owner, IReadOnlyCollection<string> allowed)
    {
        _context = context;
        _path = path;
        Owner = owner;
        Node = map;
        var firstSeen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (firstSeen.TryGetValue(key, out var first))
            {
                context.Error(entry.Key.Location, $"duplicate key '{key}' (first at line {first.Location.Line})", "keep one of them");
                continue;
            }

            firstSeen[key] = entry.Key;
            if (allowed.Contains(key))
            {
                _fields[key] = entry;
            }
        }

        // Unknown keys are reported after the owner is known (see ReportUnknown), so messages can name it.
        Allowed = allowed;
    }

    public MappingNode Node { get; }

    public IReadOnlyCollection<string> Allowed { get; }

    /// <summary>Words naming this mapping in messages; may be set once its id is read.</summary>
    public string? Owner { get; set; }

    public SourceLocation Location => Node.Location;

    public string Where => Owner ?? (_path is null ? "the spec" : $"'{_path}'");

    /// <summary>Reports keys that are not allowed here, with a suggestion.</summary>
    public void ReportUnknown()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Node.Entries)
        {
            var key = entry.Key.Value;
            if (!Allowed.Contains(key) && seen.Add(key))
            {
                _context.Error(entry.Key.Location, $"unknown key '{key}' in {Where}", DidYouMean.Hint(key, Allowed, "allowed keys"));
            }
        }
    }

    /// <summary>How a key is named in messages: <c>'gate.min_pass_rate'</c> or <c>'threshold' in case 'x'</c>.</summary>
    public string Name(string key) => _path is not null ? $"'{_path}.{key}'" : Owner is not null ? $"'{key}' in {Owner}" : $"'{key}'";

    public bool Has(string key) => Get(key) is not null;

    /// <summary>The value node, or null when absent or written as null.</summary>
    public SpecNode? Get(string key) =>
        _fields.TryGetValue(key, out var e) && e.Value is not ScalarNode { IsNull: true } ? e.Value : null;

    public ScalarNode? KeyNode(string key) => _fields.TryGetValue(key, out var e) ? e.Key : null;

    public void Missing(string key, string? hint = null) =>
        _context.Error(Location, _path is null && Owner is null ? $"missing required key '{key}'" : $"missing required key '{key}' in {Where}", hint);

    public ScalarNode? Scalar(string key, string expected, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is ScalarNode s)
        {
            return s;
        }

        _context.Error(node.Location, $"expected {expected} for {Name(key)}, got {node.Describe()}");
        return null;
    }

    public string? String(string key, bool required = false) => Scalar(key, "a string", required)?.Value;

    public double? Double(string key, double? min = null, double? max = null, bool required = false, bool exclusiveMin = false)
    {
        var s = Scalar(key, "a number", required);
        if (s is null)
        {
            return null;
        }

        if (s.AsDouble() is not { } d)
        {
            if (s.AsUnboundedDouble() is { } huge)
            {
                OutOfRange(s, key, huge, min, max, exclusiveMin);
                return null;
            }

            _context.Error(s.Location, $"expected a number for {Name(key)}, got {s.Describe()}", s.Quoted ? "remove the quotes" : null);
            return null;
        }

        return InRange(s, key, d, min, max, exclusiveMin) ? d : null;
    }

    public decimal? Decimal(string key, decimal? min = null, bool required = false)
    {
        var s = Scalar(key, "a number", required);
        if (s is null)
        {
            return null;
        }

        if (s.AsDecimal() is not { } d)
        {
            if (s.AsUnboundedDouble() is { } huge)
            {
                OutOfRange(s, key, huge, (double?)min, null, false);
                return null;
            }

            _context.Error(s.Location, $"expected a number for {Name(key)}, got {s.Describe()}", s.Quoted ? "remove the quotes" : null);
            return null;
        }

        return InRange(s, key, (double)d, (double?)min, null, false) ? d : null;
    }

    public long? Integer(string key, long? min = null, long? max = null, bool required = false)
    {
        var s = Scalar(key, "a whole number", required);
        if (s is null)
        {
            return null;
        }

        if (s.AsLong() is not { } l)
        {
            if (s.AsUnboundedDouble() is { } huge && Math.Abs(huge) >= long.MaxValue)
            {
                OutOfRange(s, key, huge, min, max, false);
                return null;
            }

            _context.Error(s.Location, $"expected a whole number for {Name(key)}, got {s.Describe()}", s.Quoted ? "remove the quotes" : null);
            return null;
        }

        return InRange(s, key, l, min, max, false) ? l : null;
    }

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    public int? Int32(string key, int min)
    {
        var value = Integer(key, min);
        if (value > int.MaxValue)
        {
            _context.Error(Get(key)!.Location, $"{Name(key)} is too large, got {value}");
            return null;
        }

        return (int?)value;
    }

    public bool? Bool(string key)
    {
        var s = Scalar(key, "true or false");
        if (s is null)
        {
            return null;
        }

        if (s.AsBool() is not { } b)
        {
            _context.Error(s.Location, $"expected true or false for {Name(key)}, got {s.Describe()}");
            return null;
        }

        return b;
    }

    public SequenceNode? Sequence(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is SequenceNode seq)
        {
            return seq;
        }

        _context.Error(node.Location, $"expected a list for {Name(key)}, got {node.Describe()}", "write one '- item' per line, or [a, b]");
        return null;
    }

    /// <summary>A list of strings; a single scalar is accepted as a one-item list when <paramref name="allowSingle"/>.</summary>
    public List<ScalarNode>? Strings(string key, bool allowSingle = false)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode single && allowSingle)
        {
            return [single];
        }

        if (node is not SequenceNode seq)
        {
            _context.Error(node.Location, $"expected a list of strings for {Name(key)}, got {node.Describe()}", "write [a, b] or one '- item' per line");
            return null;
        }

        var result = new List<ScalarNode>();
        foreach (var item in seq.Items)
        {
            if (item is ScalarNode { IsNull: false } s)
            {
                result.Add(s);
            }
            else
            {
                _context.Error(item.Location, $"expected a string in {Name(key)}, got {item.Describe()}");
            }
        }

        return result;
    }

    private bool InRange(ScalarNode s, string key, double value, double? min, double? max, bool exclusiveMin)
    {
        var low = min is { } mn && (exclusiveMin ? value <= mn : value < mn);
        var high = max is { } mx && value > mx;
        if (!low && !high)
        {
            return true;
        }

        var range = (min, max) switch
        {
            ({ } a, { } b) => exclusiveMin ? $"greater than {Fmt(a)} and at most {Fmt(b)}" : $"between {Fmt(a)} and {Fmt(b)}",
            ({ } a, null) => exclusiveMin ? $"greater than {Fmt(a)}" : $"at least {Fmt(a)}",
            (null, { } b) => $"at most {Fmt(b)}",
            _ => "",
        };
        _context.Error(s.Location, $"{Name(key)} must be {range}, got {(s.Value.Length <= 40 ? s.Value : s.Value[..37] + "...")}");
        return false;
    }

    /// <summary>A number beyond what the field's type holds: the field's own range when it has one, else "too large".</summary>
    private void OutOfRange(ScalarNode s, string key, double value, double? min, double? max, bool exclusiveMin)
    {
        if (InRange(s, key, value, min, max, exclusiveMin))
        {
            var shown = s.Value.Length <= 40 ? s.Value : s.Value[..37] + "...";
            _context.Error(s.Location, $"{Name(key)} is out of range: {shown} is too {(value < 0 ? "small" : "large")} to be a usable number", "write an ordinary-sized number");
        }
    }

    private static string Fmt(double d) => d.ToString(CultureInfo.InvariantCulture);
}
