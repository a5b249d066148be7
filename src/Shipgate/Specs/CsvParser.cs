using System.Text;

namespace Shipgate.Specs;

/// <summary>RFC 4180 CSV with a location for every cell, so errors in case files and label files can name line and column.</summary>
internal static class CsvParser
{
    /// <summary>Records of cells; problems go to <paramref name="errors"/> (an unclosed quote stops parsing).</summary>
    public static List<List<CsvCell>> Parse(string text, string file, List<SpecError> errors)
    {
        var records = new List<List<CsvCell>>();
        var record = new List<CsvCell>();
        var field = new StringBuilder();
        int line = 1, column = 1, i = 0;
        long cells = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        var fieldStart = new SourceLocation(file, 1, 1);
        var recordHasContent = false;
        while (i <= text.Length)
        {
            // Start of a field.
            fieldStart = new SourceLocation(file, line, column);
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                column++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            column += 2;
                            continue;
                        }

                        i++;
                        column++;
                        closed = true;
                        break;
                    }

                    field.Append(c);
                    i++;
                    if (c == '\n')
                    {
                        line++;
                        column = 1;
                    }
                    else
                    {
                        column++;
                    }
                }

                if (!closed)
                {
                    errors.Add(new SpecError(fieldStart, "unclosed quote in CSV", "end the quoted cell with '\"'; write \"\" for a quote inside it"));
                    return records;
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    errors.Add(new SpecError(new SourceLocation(file, line, column), "unexpected text after a closing quote in CSV", "quote the whole cell"));
                    while (i < text.Length && text[i] is not (',' or '\n'))
                    {
                        i++;
                        column++;
                    }
                }

                recordHasContent = true;
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\n'))
                {
                    if (text[i] != '\r')
                    {
                        field.Append(text[i]);
                    }

                    i++;
                    column++;
                }

                recordHasContent |= field.Length > 0;
            }

            if (++cells > SpecLimits.MaxNodes)
            {
                errors.Add(new SpecError(fieldStart, $"the file holds more than {SpecLimits.MaxNodes:N0} cells", "split the rows over several files"));
                return records;
            }

            record.Add(new CsvCell(field.ToString(), fieldStart));
            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                recordHasContent = true;
                continue;
            }

            // End of record (newline or end of text). Blank lines are skipped.
            if (recordHasContent)
            {
                records.Add(record);
            }

            record = [];
            recordHasContent = false;
            i++;
            line++;
            column = 1;
        }

        return records;
    }
}
