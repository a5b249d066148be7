using System.Text;

namespace Shipgate.Providers;

/// <summary>
/// Splits a command line into arguments like a POSIX shell does for quoting only: whitespace separates,
/// '...' is literal, "..." allows \" and \\, a backslash outside quotes escapes the next character.
/// No variables, globs or pipes (the command runs without a shell; use <c>bash -c '...'</c> for those).
/// </summary>
internal static class CommandLineSplitter
{
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var inArg = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (char.IsWhiteSpace(c))
            {
                if (inArg)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    inArg = false;
                }

                continue;
            }

            inArg = true;
            if (c == '\'')
            {
                var end = commandLine.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated single quote at position {i + 1} in: {commandLine}");
                }

                current.Append(commandLine, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i++;
                for (; i < commandLine.Length && commandLine[i] != '"'; i++)
                {
                    if (commandLine[i] == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    current.Append(commandLine[i]);
                }

                if (i >= commandLine.Length)
                {
                    throw new FormatException($"unterminated double quote in: {commandLine}");
                }
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                current.Append(commandLine[++i]);
            }
            else
            {
                current.Append(c);
            }
        }

        if (inArg)
        {
            args.Add(current.ToString());
        }

        return args;
    }
}
