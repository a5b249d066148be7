using System.Text;

namespace Shipgate.Specs;

/// <summary>
/// Turns a CSV case file (RFC 4180: header row, quoted fields with "" escapes and line breaks) into one
/// mapping per row, shaped like a YAML case, so cases from every format are validated by the same code.
/// </summary>
internal static class CsvCaseFile
{
    private static readonly HashSet<string> CaseColumns = new(StringComparer.Ordinal) { "id", "description", "reference", "threshold" };
    private static readonly HashSet<string> ListColumns = new(StringComparer.Ordinal) { "tags", "context" };
    private const string AssertPrefix = "assert:";

    public static List<MappingNode> Read(string text, string file, List<SpecError> errors)
    {
        var records = CsvParser.Parse(text, file, errors);
        var result = new List<MappingNode>();
        if (records.Count == 0)
        {
            return result;
        }

        var header = records[0];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in header)
        {
            if (cell.Text.Trim().Length == 0)
            {
                errors.Add(new SpecError(cell.Location, "empty column name in the CSV header", "name every column"));
            }
            else if (!seen.Add(cell.Text.Trim()))
            {
                errors.Add(new SpecError(cell.Location, $"duplicate column '{cell.Text.Trim()}' in the CSV header", "keep one of them"));
            }
        }

        foreach (var row in records.Skip(1))
        {
            if (row.Count != header.Count)
            {
                errors.Add(new SpecError(row[0].Location with { Column = 1 }, $"row has {row.Count} columns but the header has {header.Count}", "quote cells that contain commas (\"a, b\") and give every row the same columns"));
                continue;
            }

            result.Add(ToCase(header, row));
        }

        return result;
    }

    private static MappingNode ToCase(List<CsvCell> header, List<CsvCell> row)
    {
        var entries = new List<KeyValuePair<ScalarNode, SpecNode>>();
        var vars = new List<KeyValuePair<ScalarNode, SpecNode>>();
        var assertions = new List<SpecNode>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Text.Trim();
            var cell = row[i];
            var key = new ScalarNode(name, true, header[i].Location);
            if (name.StartsWith(AssertPrefix, StringComparison.Ordinal))
            {
                if (cell.Text.Length > 0)
                {
                    assertions.Add(Assertion(name[AssertPrefix.Length..].Trim(), header[i], cell));
                }
            }
            else if (CaseColumns.Contains(name))
            {
                if (cell.Text.Length > 0)
                {
                    entries.Add(new(key, new ScalarNode(cell.Text, name != "threshold", cell.Location)));
                }
            }
            else if (ListColumns.Contains(name))
            {
                entries.Add(new(key, Split(cell)));
            }
            else if (name.Length > 0)
            {
                vars.Add(new(key, new ScalarNode(cell.Text, true, cell.Location)));
            }
        }

        var at = row[0].Location with { Column = 1 };
        if (vars.Count > 0)
        {
            entries.Add(new(new ScalarNode("vars", true, at), new MappingNode(vars, at)));
        }

        if (assertions.Count > 0)
        {
            entries.Add(new(new ScalarNode("assertions", true, at), new SequenceNode(assertions, at)));
        }

        return new MappingNode(entries, at);
    }

    /// <summary>The cell fills the type's natural key: values (split on ';'), value, or max.</summary>
    private static MappingNode Assertion(string type, CsvCell header, CsvCell cell)
    {
        var entries = new List<KeyValuePair<ScalarNode, SpecNode>>
        {
            new(new ScalarNode("type", true, header.Location), new ScalarNode(type, true, header.Location)),
        };
        var baseType = type.StartsWith(AssertionTypes.NegationPrefix, StringComparison.Ordinal) ? type[AssertionTypes.NegationPrefix.Length..] : type;
        var info = AssertionTypes.All.FirstOrDefault(t => t.Name == baseType);
        var keys = info?.Keys ?? ["value"];
        if (keys.Contains("values"))
        {
            entries.Add(new(new ScalarNode("values", true, cell.Location), Split(cell)));
        }
        else if (keys.Contains("value"))
        {
            entries.Add(new(new ScalarNode("value", true, cell.Location), new ScalarNode(cell.Text, true, cell.Location)));
        }
        else if (keys.Contains("max"))
        {
            entries.Add(new(new ScalarNode("max", true, cell.Location), new ScalarNode(cell.Text, false, cell.Location)));
        }

        return new MappingNode(entries, cell.Location);
    }

    private static SequenceNode Split(CsvCell cell) =>
        new([.. cell.Text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => new ScalarNode(s, true, cell.Location))], cell.Location);
}
