namespace Shipgate.Specs;

/// <summary>
/// Turns one case file (YAML, JSONL or CSV) into case nodes for <see cref="CaseReader"/>. A file that is not UTF-8
/// text, or that holds no cases at all, is an error: its cases must never vanish silently.
/// </summary>
internal static class CaseFileReader
{
    private static readonly string[] CaseFileKeys = ["cases"];

    public static List<SpecNode> Read(byte[] bytes, string path, string display, SpecContext context)
    {
        var errorsBefore = context.Errors.Count;
        var text = SpecText.Decode(bytes, display, context.Errors);
        if (text is null)
        {
            return [];
        }

        var nodes = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => [.. CsvCaseFile.Read(text, display, context.Errors)],
            ".jsonl" or ".ndjson" => ReadJsonLines(text, display, context.Errors),
            _ => ReadYaml(text, display, context),
        };

        if (nodes.Count == 0 && context.Errors.Count == errorsBefore)
        {
            context.Error(new SourceLocation(display, 1, 1), text.Trim().Length == 0 ? $"case file '{display}' is empty" : $"case file '{display}' holds no cases", "add cases to it, or take it out of 'suite.files'");
        }

        return nodes;
    }

    private static List<SpecNode> ReadJsonLines(string text, string display, List<SpecError> errors)
    {
        var nodes = new List<SpecNode>();
        long values = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var before = errors.Count;
            if (JsonTreeReader.ReadLine(line, display, i + 1, errors, ref values) is { } node)
            {
                nodes.Add(node);
            }
            else if (values > SpecLimits.MaxNodes && errors.Count > before)
            {
                break;
            }
        }

        return nodes;
    }

    private static List<SpecNode> ReadYaml(string text, string display, SpecContext context)
    {
        var root = YamlTreeReader.Read(text, display, context.Errors, out _);
        switch (root)
        {
            case null:
                return [];
            case SequenceNode seq:
                return [.. seq.Items];
            case MappingNode:
                var r = context.Mapping(root, "a case file", null, $"case file '{display}'", CaseFileKeys)!;
                r.ReportUnknown();
                return [.. r.Sequence("cases", required: true)?.Items ?? []];
            default:
                context.Error(root.Location, $"expected a list of cases in '{display}', got {root.Describe()}", "write one '- id: ...' item per case, or a mapping with 'cases:'");
                return [];
        }
    }
}
