using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>json-schema</c>: the output's JSON (bare or a single fenced block) is valid against <c>schema</c> (inline) or the
/// schema file named by <c>value</c> (relative to the file that declared the assertion). The schema is built once.
/// </summary>
internal sealed partial class JsonSchemaAssertion : AssertionBase
{
    /// <summary>Errors listed in a reason before "(+N more)".</summary>
    private const int MaxErrors = 3;

    private readonly JsonSchema _schema;

    public JsonSchemaAssertion(AssertionSpec spec) : base(spec)
    {
        var text = spec.Schema?.ToJsonString() ?? ReadSchemaFile(spec);
        try
        {
            // A private registry per schema: two specs may reuse the same $id without clashing in the global one.
            _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or RefResolutionException)
        {
            throw new SpecException(new SpecError(spec.Location, $"json-schema: the schema is not a valid JSON Schema: {ex.Message}",
                "fix the schema (draft 2020-12 by default)"));
        }
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        if (!JsonOutput.TryParse(context.Output, out var document, out var source, out var error))
        {
            return ValueTask.FromResult(new AssertionCheck(false, 0, $"json-schema: {error}",
                $"output is not JSON, so it cannot match the forbidden schema ({error})"));
        }

        using (document)
        {
            EvaluationResults results;
            try
            {
                results = _schema.Evaluate(document!.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            catch (Exception ex) when (ex is RefResolutionException or JsonSchemaException or InvalidOperationException)
            {
                // The schema's own fault (validate rejects the $refs it can see): this assertion fails, negated or not; the run goes on.
                var problem = $"json-schema: the schema cannot be evaluated: {ex.Message}";
                return ValueTask.FromResult(new AssertionCheck(false, 0, problem, Inconclusive: true));
            }

            if (results.IsValid)
            {
                return ValueTask.FromResult(new AssertionCheck(true, 1,
                    $"json-schema: valid (parsed the {source})",
                    $"output matches the forbidden schema (parsed the {source})"));
            }

            var errors = Errors(results, document.RootElement);
            var shown = string.Join("; ", errors.Take(MaxErrors));
            var more = errors.Count > MaxErrors ? $" (+{errors.Count - MaxErrors} more)" : "";
            return ValueTask.FromResult(new AssertionCheck(false, 0,
                $"json-schema: {shown}{more} (parsed the {source})",
                $"output does not match the forbidden schema: {shown}{more}"));
        }
    }

    private static List<string> Errors(EvaluationResults results, JsonElement root)
    {
        var list = new List<string>();
        foreach (var node in Flatten(results))
        {
            if (node.Errors is null)
            {
                continue;
            }

            var pointer = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                var text = $"{JsonPath(pointer)}: {Rephrase(keyword, message, root, pointer)}";
                if (!list.Contains(text))
                {
                    list.Add(text);
                }
            }
        }

        if (list.Count == 0)
        {
            list.Add("$: does not match the schema");
        }

        return list;
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        yield return results;
        if (results.Details is null)
        {
            yield break;
        }

        foreach (var child in results.Details)
        {
            foreach (var node in Flatten(child))
            {
                yield return node;
            }
        }
    }

    /// <summary>The library says <c>Value is "string" but should be "number"</c>; people read "expected number, got string".</summary>
    private static string Rephrase(string keyword, string message, JsonElement root, string pointer)
    {
        if (keyword == "type")
        {
            var m = TypeMessage().Match(message);
            if (m.Success)
            {
                return $"expected {Unquote(m.Groups["expected"].Value)}, got {Unquote(m.Groups["actual"].Value)}";
            }

            if (Resolve(root, pointer) is { } value)
            {
                return $"{message} (got {Kind(value)})";
            }
        }

        return message;
    }

    private static string Unquote(string text) => text.Replace("\"", "", StringComparison.Ordinal);

    /// <summary>JSON Pointer <c>/items/0/price</c> as <c>$.items[0].price</c>.</summary>
    private static string JsonPath(string pointer)
    {
        if (pointer is "" or "#" or "/" or "#/")
        {
            return "$";
        }

        var sb = new StringBuilder("$");
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else if (segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                sb.Append('.').Append(segment);
            }
            else
            {
                sb.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return sb.ToString();
    }

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string ReadSchemaFile(AssertionSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Value))
        {
            throw new SpecException(new SpecError(spec.Location, "json-schema needs a schema",
                "add `schema:` with an inline JSON Schema or `value:` with the path of a schema file"));
        }

        var baseDir = Path.GetDirectoryName(spec.Location.File);
        var path = Path.IsPathRooted(spec.Value) || string.IsNullOrEmpty(baseDir) ? spec.Value : Path.Combine(baseDir, spec.Value);
        try
        {
            var text = File.ReadAllText(path);
            _ = JsonNode.Parse(text);
            return text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new SpecException(new SpecError(spec.Location, $"json-schema: cannot read schema file '{path}': {ex.Message}",
                "check the path (relative to the file that declares the assertion) and that it holds JSON"));
        }
    }

    [GeneratedRegex("^Value is (?<actual>\"?[a-z]+\"?) but should be (?<expected>.+)$", RegexOptions.None, 1000)]
    private static partial Regex TypeMessage();
}
