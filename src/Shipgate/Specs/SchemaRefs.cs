using System.Text.Json.Nodes;

namespace Shipgate.Specs;

/// <summary>
/// Finds the <c>$ref</c>s of a JSON Schema that cannot be resolved inside it. The schema library resolves references
/// lazily, during evaluation, so without this check one dangling <c>#/$defs/x</c> fails in the middle of a run.
/// Supported targets: JSON pointers (<c>#/$defs/item</c>, from the document or the nearest <c>$id</c>), anchors
/// (<c>#name</c>), <c>$id</c>s declared in the schema, and the published meta-schemas on json-schema.org.
/// </summary>
internal static class SchemaRefs
{
    /// <summary>Keywords whose values are data, not subschemas: a "$ref" inside them is just a string.</summary>
    private static readonly HashSet<string> DataKeywords = new(StringComparer.Ordinal) { "const", "enum", "examples", "default" };

    private static readonly string[] RefKeywords = ["$ref", "$dynamicRef", "$recursiveRef"];

    /// <summary>One message per reference that cannot be resolved, e.g. <c>$ref '#/$defs/x': nothing at '/$defs/x'</c>.</summary>
    public static List<string> Unresolved(JsonNode? schema)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var refs = new List<(string Keyword, string Value, JsonNode Resource)>();
        if (schema is not null)
        {
            Collect(schema, schema, anchors, ids, refs, depth: 0);
        }

        var problems = new List<string>();
        foreach (var (keyword, value, resource) in refs)
        {
            if (Problem(value, schema!, resource, anchors, ids) is { } problem)
            {
                var text = $"{keyword} '{ControlCharacters.Escape(value, singleLine: true)}' cannot be resolved: {problem}";
                if (!problems.Contains(text))
                {
                    problems.Add(text);
                }
            }
        }

        return problems;
    }

    private static void Collect(JsonNode node, JsonNode resource, HashSet<string> anchors, Dictionary<string, JsonNode> ids, List<(string, string, JsonNode)> refs, int depth)
    {
        // The spec readers bound nesting; this is a second guard against a deep schema file.
        if (depth > 256)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (obj["$id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
                {
                    resource = obj;
                    ids.TryAdd(id.TrimEnd('#'), obj);
                }

                foreach (var key in new[] { "$anchor", "$dynamicAnchor" })
                {
                    if (obj[key] is JsonValue a && a.TryGetValue<string>(out var anchor))
                    {
                        anchors.Add(anchor);
                    }
                }

                foreach (var keyword in RefKeywords)
                {
                    if (obj[keyword] is JsonValue r && r.TryGetValue<string>(out var reference))
                    {
                        refs.Add((keyword, reference, resource));
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (child is not null && !DataKeywords.Contains(key))
                    {
                        Collect(child, resource, anchors, ids, refs, depth + 1);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, resource, anchors, ids, refs, depth + 1);
                    }
                }

                break;
        }
    }

    private static string? Problem(string reference, JsonNode root, JsonNode resource, HashSet<string> anchors, Dictionary<string, JsonNode> ids)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var uri = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[(hash + 1)..];
        JsonNode target;
        if (uri.Length == 0)
        {
            target = resource;
        }
        else if (ids.TryGetValue(uri, out var byId) || TryById(uri, ids, out byId))
        {
            target = byId;
        }
        else if (uri.StartsWith("https://json-schema.org/", StringComparison.Ordinal) || uri.StartsWith("http://json-schema.org/", StringComparison.Ordinal))
        {
            return null;
        }
        else
        {
            return $"'{ControlCharacters.Escape(uri, singleLine: true)}' is not a schema declared inside this one (no '$id' names it), and nothing is fetched";
        }

        if (fragment.Length == 0)
        {
            return null;
        }

        if (!fragment.StartsWith('/'))
        {
            return anchors.Contains(fragment) ? null : $"no '$anchor: {ControlCharacters.Escape(fragment, singleLine: true)}' in the schema";
        }

        // A pointer is read from the resource it is relative to, or (leniently) from the document root.
        return Resolve(target, fragment) || Resolve(root, fragment) ? null : $"nothing at '{ControlCharacters.Escape(fragment, singleLine: true)}'";
    }

    /// <summary>A relative <c>$id</c> such as <c>item.json</c> may be referenced by its last segment.</summary>
    private static bool TryById(string uri, Dictionary<string, JsonNode> ids, out JsonNode node)
    {
        foreach (var (id, value) in ids)
        {
            if (id.EndsWith("/" + uri, StringComparison.Ordinal) || uri.EndsWith("/" + id, StringComparison.Ordinal))
            {
                node = value;
                return true;
            }
        }

        node = null!;
        return false;
    }

    private static bool Resolve(JsonNode start, string pointer)
    {
        var current = start;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child) && child is not null:
                    current = child;
                    break;
                case JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count && array[index] is { } item:
                    current = item;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
