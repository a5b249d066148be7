using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Shipgate.Specs;

/// <summary>Validates case and assertion nodes (from any file format) into <see cref="EvalCase"/> and <see cref="AssertionSpec"/>.</summary>
internal sealed partial class CaseReader(SpecContext context, List<string> pulledFiles)
{
    public static readonly IReadOnlyList<string> CaseKeys = ["id", "description", "tags", "vars", "reference", "context", "threshold", "assertions", "origin", "added"];

    public EvalCase? ReadCase(SpecNode node)
    {
        var r = context.Mapping(node, "a case", null, "this case", CaseKeys);
        if (r is null)
        {
            if (node is ScalarNode { IsNull: true })
            {
                context.Error(node.Location, "empty case", "remove the empty '-' item or give it an id");
            }

            return null;
        }

        var idNode = r.Scalar("id", "a string", required: true);
        var id = idNode?.Value;
        if (idNode is not null && !IdPattern().IsMatch(idNode.Value))
        {
            context.Error(idNode.Location, $"case id '{ControlCharacters.Escape(idNode.Value, singleLine: true)}' may contain only letters, digits, '.', '_' and '-'", null);
        }

        r.Owner = id is null ? "this case" : $"case '{id}'";
        r.ReportUnknown();

        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Get("vars") is { } varsNode)
        {
            var vr = context.Mapping(varsNode, r.Name("vars"), null, $"the vars of {r.Owner}", []);
            if (vr is not null)
            {
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                foreach (var (key, value) in vr.Node.Entries)
                {
                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        context.Error(key.Location, $"duplicate key '{key.Value}' (first at line {first.Location.Line})", "keep one of them");
                        continue;
                    }

                    seen[key.Value] = key;
                    if (value is ScalarNode s)
                    {
                        vars[key.Value] = s.IsNull ? "" : s.Value;
                    }
                    else
                    {
                        context.Error(value.Location, $"expected a string for var '{key.Value}' in {r.Owner}, got {value.Describe()}", "vars are text; quote structured values as a string");
                    }
                }
            }
        }

        var threshold = r.Double("threshold", 0, 1);
        DateOnly? added = null;
        if (r.Scalar("added", "a date") is { } addedNode)
        {
            if (DateOnly.TryParseExact(addedNode.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                added = date;
            }
            else
            {
                context.Error(addedNode.Location, $"'{addedNode.Value}' is not a date for 'added' in {r.Owner}", "write it as YYYY-MM-DD, e.g. 2026-11-29");
            }
        }

        var assertions = ReadAssertions(r.Sequence("assertions"), r.Owner);
        if (id is null)
        {
            return null;
        }

        return new EvalCase
        {
            Id = id,
            Description = r.String("description"),
            Tags = r.Strings("tags")?.Select(s => s.Value).ToList() ?? [],
            Vars = vars,
            Reference = r.String("reference"),
            Context = r.Strings("context", allowSingle: true)?.Select(s => s.Value).ToList() ?? [],
            Threshold = threshold,
            Origin = r.String("origin"),
            Added = added,
            Assertions = assertions,
            Location = r.Location,
        };
    }

    public List<AssertionSpec> ReadAssertions(SequenceNode? sequence, string owner)
    {
        var result = new List<AssertionSpec>();
        foreach (var item in sequence?.Items ?? [])
        {
            if (ReadAssertion(item, owner) is { } a)
            {
                result.Add(a);
            }
        }

        return result;
    }

    public AssertionSpec? ReadAssertion(SpecNode node, string owner)
    {
        if (node is not MappingNode map)
        {
            context.Error(node.Location, $"expected an assertion mapping in {owner}, got {node.Describe()}", "write '- type: contains' with its keys indented below");
            return null;
        }

        var typeEntry = map.Entries.FirstOrDefault(e => e.Key.Value == "type");
        if (typeEntry.Key is null)
        {
            context.Error(map.Location, $"missing required key 'type' in an assertion of {owner}", "e.g. type: icontains");
            return null;
        }

        if (typeEntry.Value is not ScalarNode { IsNull: false } typeNode)
        {
            context.Error(typeEntry.Value.Location, $"expected an assertion type for 'type' in {owner}, got {typeEntry.Value.Describe()}");
            return null;
        }

        var written = typeNode.Value.Trim();
        if (written == AssertionTypes.NegationPrefix + AssertionTypes.Rubric)
        {
            context.Error(typeNode.Location, $"'{written}' does not exist in {owner}: a rubric verdict has no negated form", "use 'rubric' with 'min:' as the pass threshold");
            return null;
        }

        if (!AssertionTypes.TryResolve(written, out var info, out var negate))
        {
            context.Error(typeNode.Location, $"unknown assertion type '{written}' in {owner}", DidYouMean.Hint(written, AssertionTypes.AllNames, "known types"));
            return null;
        }

        var allowed = AssertionTypes.CommonKeys.Concat(info.Keys).ToHashSet(StringComparer.Ordinal);
        var r = new MappingReader(context, map, null, $"assertion '{written}' of {owner}", allowed);
        r.ReportUnknown();
        if (info.RequiresOneOf.Count > 0 && !info.RequiresOneOf.Any(r.Has))
        {
            var need = info.Name == AssertionTypes.JsonSchema
                ? "'schema' (an inline schema) or 'value' (a schema file path)"
                : string.Join(" or ", info.RequiresOneOf.Select(k => $"'{k}'"));
            context.Error(map.Location, $"assertion '{written}' of {owner} needs {need}", null);
        }

        var weight = r.Double("weight", 0) ?? 1.0;
        string? value = null;
        IReadOnlyList<string> values = [];
        double? threshold = null, min = null, max = null;
        JsonNode? schema = null;

        if (info.Keys.Contains("value") && info.Name != AssertionTypes.JsonSchema)
        {
            var valueNode = r.Scalar("value", "a string");
            value = valueNode?.Value;
            if (valueNode is not null && info.Name == AssertionTypes.Regex)
            {
                CheckRegex(valueNode, r.Name("value"));
            }
        }

        if (info.Keys.Contains("values"))
        {
            var list = r.Strings("values");
            if (list is not null)
            {
                values = [.. list.Select(s => s.Value)];
                if (values.Count == 0)
                {
                    context.Error(r.Get("values")!.Location, $"{r.Name("values")} is empty", "list at least one value");
                }
            }
        }

        if (info.Keys.Contains("threshold"))
        {
            threshold = r.Double("threshold", 0, 1) ?? (info.Name == AssertionTypes.Similar ? AssertionTypes.DefaultSimilarThreshold : null);
        }

        IReadOnlyList<string> criteria = [];
        IReadOnlyList<string> sources = [];
        List<ScalarNode>? varSources = null;
        string? judge = null;
        if (info.Name == AssertionTypes.Rubric)
        {
            min = r.Double("min", 1, 5) ?? AssertionTypes.DefaultRubricMin;
            var criteriaNodes = r.Strings("criteria", allowSingle: true) ?? [];
            if (r.Has("criteria") && criteriaNodes.Count == 0 && r.Get("criteria") is SequenceNode)
            {
                context.Error(r.Get("criteria")!.Location, $"{r.Name("criteria")} is empty", "list criterion ids of the rubric, or drop the key to score every criterion");
            }

            criteria = [.. criteriaNodes.Select(s => s.Value)];
            var judgeNode = r.Scalar("judge", "a judge id");
            judge = judgeNode?.Value;
            RubricNodes.Add((criteriaNodes, judgeNode, map.Location));
        }
        else if (info.Name == AssertionTypes.Grounded)
        {
            // max_unsupported travels in AssertionSpec.Max (the record has no field of its own).
            max = r.Int32("max_unsupported", 0);
            var judgeNode = r.Scalar("judge", "a judge id");
            judge = judgeNode?.Value;
            GroundedJudgeNodes.Add(judgeNode);
            (sources, varSources) = ReadSources(r);
        }
        else if (info.Keys.Contains("min"))
        {
            min = r.Double("min", 0);
        }

        if (info.Keys.Contains("max"))
        {
            max = r.Double("max", 0);
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            context.Error(r.Get("min")!.Location, $"{r.Name("min")} ({lo.ToString(CultureInfo.InvariantCulture)}) is greater than 'max' ({hi.ToString(CultureInfo.InvariantCulture)})", null);
        }

        if (info.Name == AssertionTypes.JsonSchema)
        {
            schema = ReadSchema(r, out value);
        }

        var assertion = new AssertionSpec
        {
            Type = info.Name,
            Negate = negate,
            Value = value,
            Values = values,
            Threshold = threshold,
            Min = min,
            Max = max,
            Schema = schema,
            Weight = weight,
            Criteria = criteria,
            Judge = judge,
            Sources = sources,
            Location = map.Location,
        };
        if (varSources is { Count: > 0 })
        {
            GroundedVarSources[assertion] = varSources;
        }

        return assertion;
    }

    /// <summary>
    /// A grounded assertion's <c>sources:</c>: <c>context</c>, <c>knowledge</c> and <c>vars.NAME</c> (a document in the
    /// case's input). The <c>vars.</c> nodes are returned to be checked against the cases once they are all read.
    /// </summary>
    private (IReadOnlyList<string> Sources, List<ScalarNode> Vars) ReadSources(MappingReader r)
    {
        var nodes = r.Strings("sources", allowSingle: true);
        if (nodes is null)
        {
            return ([], []);
        }

        if (nodes.Count == 0)
        {
            context.Error(r.Get("sources")!.Location, $"{r.Name("sources")} is empty", "list what to ground on, e.g. [vars.document], or drop the key for context and knowledge");
            return ([], []);
        }

        var vars = new List<ScalarNode>();
        foreach (var node in nodes)
        {
            var value = node.Value;
            if (value.StartsWith("vars.", StringComparison.Ordinal) && value.Length > "vars.".Length)
            {
                vars.Add(node);
            }
            else if (value is not ("context" or "knowledge"))
            {
                context.Error(node.Location, $"unknown source '{value}' in {r.Name("sources")}", "use 'context' (the case's context), 'knowledge' (the spec's knowledge files) or 'vars.NAME' (a var of the case, e.g. vars.document)");
            }
        }

        return ([.. nodes.Select(n => n.Value).Distinct(StringComparer.Ordinal)], vars);
    }

    /// <summary>Located criteria and judge ids of every rubric assertion read, checked once the rubric and judges are known.</summary>
    public List<(List<ScalarNode> Criteria, ScalarNode? Judge, SourceLocation At)> RubricNodes { get; } = [];

    /// <summary>The <c>judge:</c> of each grounded assertion (null when absent), checked against the declared judges.</summary>
    public List<ScalarNode?> GroundedJudgeNodes { get; } = [];

    /// <summary>The <c>vars.NAME</c> sources of each grounded assertion read, checked against the vars of the cases it applies to.</summary>
    public Dictionary<AssertionSpec, List<ScalarNode>> GroundedVarSources { get; } = new(ReferenceEqualityComparer.Instance);

    private void CheckRegex(ScalarNode valueNode, string name)
    {
        try
        {
            _ = new Regex(valueNode.Value, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (RegexParseException e)
        {
            context.Error(valueNode.Location, $"invalid regex for {name}: {e.Error} at offset {e.Offset} in '{valueNode.Value}'", "this is a .NET regular expression; escape special characters such as ( [ + with a backslash");
        }
    }

    private JsonNode? ReadSchema(MappingReader r, out string? path)
    {
        path = null;
        var inline = r.Get("schema");
        var file = r.Get("value");
        if (inline is not null && file is not null)
        {
            context.Error(file.Location, $"{r.Owner} has both 'schema' and 'value'", "use 'schema' for an inline schema or 'value' for a file path, not both");
            return null;
        }

        SpecNode at;
        JsonNode? node;
        if (inline is not null)
        {
            if (inline is not MappingNode && !(inline is ScalarNode s0 && s0.AsBool() is not null))
            {
                context.Error(inline.Location, $"expected a mapping for {r.Name("schema")}, got {inline.Describe()}", "write the JSON Schema as YAML (type: object, properties: ...)");
                return null;
            }

            at = inline;
            node = ToJson(inline);
        }
        else if (r.Scalar("value", "a file path") is { } pathNode)
        {
            at = pathNode;
            path = pathNode.Value;
            var full = context.ResolveFile(pathNode, "schema");
            if (full is null)
            {
                return null;
            }

            pulledFiles.Add(full);
            string? text;
            try
            {
                text = new FileInfo(full).Length > SpecLimits.MaxFileBytes
                    ? throw new IOException($"larger than {SpecLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for files a spec names")
                    : SpecText.Decode(File.ReadAllBytes(full), context.Display(full), context.Errors);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(pathNode.Location, $"cannot read schema file '{path}': {e.Message}", null);
                return null;
            }

            if (text is null)
            {
                return null;
            }

            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                context.Error(pathNode.Location, $"schema file '{path}' is not valid JSON: {e.Message}", null);
                return null;
            }
        }
        else
        {
            return null;
        }

        try
        {
            _ = Json.Schema.JsonSchema.FromText(node?.ToJsonString() ?? "null", new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            context.Error(at.Location, $"invalid JSON Schema in {r.Owner}: {e.Message}", "see https://json-schema.org/understanding-json-schema");
            return null;
        }

        return node;
    }

    /// <summary>YAML (or JSONL) nodes to JSON: quoted scalars are strings, plain ones resolve to null, bool or number.</summary>
    public static JsonNode? ToJson(SpecNode node)
    {
        switch (node)
        {
            case MappingNode m:
                var obj = new JsonObject();
                foreach (var (key, value) in m.Entries)
                {
                    obj[key.Value] = ToJson(value);
                }

                return obj;
            case SequenceNode s:
                return new JsonArray([.. s.Items.Select(ToJson)]);
            case ScalarNode sc when sc.Quoted:
                return JsonValue.Create(sc.Value);
            case ScalarNode sc when sc.IsNull:
                return null;
            case ScalarNode sc when sc.AsBool() is { } b:
                return JsonValue.Create(b);
            case ScalarNode sc when sc.AsLong() is { } l:
                return JsonValue.Create(l);
            case ScalarNode sc when sc.AsDouble() is { } d:
                return JsonValue.Create(d);
            case ScalarNode sc:
                return JsonValue.Create(sc.Value);
            default:
                return null;
        }
    }

    // \z, not $: '$' also matches before a final newline, which let ids such as "a\n" (a YAML '|' block) through.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    internal static partial Regex IdPattern();
}
