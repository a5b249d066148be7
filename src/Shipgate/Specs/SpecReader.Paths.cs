using System.Globalization;
using Shipgate.Providers;

namespace Shipgate.Specs;

/// <summary>
/// Checks that would otherwise only fail mid-run: the files a spec names (paths, file types, the feature folder),
/// replay files, exec command lines, <c>${VAR}</c> references, json-schema <c>$ref</c>s and the size of the run.
/// </summary>
internal sealed partial class SpecReader
{
    /// <summary>
    /// The files a <c>knowledge</c> or <c>suite.files</c> entry names (a path or a pattern), not yet checked for type:
    /// the caller checks each with <see cref="SpecContext.CheckFile"/>. Problems with the pattern itself are reported here.
    /// </summary>
    private List<string> ExpandFiles(ScalarNode pattern, string what, Func<string, bool> keep)
    {
        if (!_context.CheckPathText(pattern.Value, pattern.Location, what))
        {
            return [];
        }

        if (!Glob.IsPattern(pattern.Value))
        {
            return _context.ResolveFile(pattern, what) is { } file ? [file] : [];
        }

        // Checked before walking: '/**' or '../../**' would walk a whole disk.
        var baseDirectory = Glob.BaseDirectory(_context.RootDirectory, pattern.Value, out _);
        if (!_context.CheckInside(baseDirectory, pattern.Location, what, pattern.Value))
        {
            return [];
        }

        var matches = Glob.Expand(_context.RootDirectory, pattern.Value, out var truncated).Where(keep).ToList();
        if (truncated)
        {
            _context.Error(pattern.Location, string.Create(CultureInfo.InvariantCulture, $"the {what} pattern '{pattern.Value}' walks more than {Glob.MaxVisited:N0} entries"),
                "narrow the pattern to the folder that holds the files");
            return [];
        }

        if (matches.Count == 0)
        {
            NotFound(pattern, what);
        }

        return matches;
    }

    /// <summary>A replay file's lines must parse now, not at the first call of a run.</summary>
    private bool CheckReplayFile(ScalarNode node, string full)
    {
        IReadOnlyList<(int Line, string Message)> problems;
        try
        {
            problems = ReplayChatClient.Check(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error(node.Location, $"cannot read replay file '{_context.Display(full)}': {e.Message}", null);
            return false;
        }

        foreach (var (line, message) in problems)
        {
            _context.Error(new SourceLocation(_context.Display(full), line, 1), $"{message} (replay file of '{ControlCharacters.Escape(node.Value, singleLine: true)}' at {node.Location})",
                "each line is {\"case_id\": \"...\", \"output\": \"...\"}; see docs/providers.md");
        }

        return problems.Count == 0;
    }

    /// <summary>An exec command line must split (balanced quotes) and name a program.</summary>
    private bool CheckCommandLine(ScalarNode node, string commandLine)
    {
        // A NUL cannot be passed to a process at all; other controls in a command line are surely accidents.
        if (ControlCharacters.IndexOfUnsafe(commandLine) is var bad and >= 0)
        {
            _context.Error(node.Location, string.Create(CultureInfo.InvariantCulture, $"the exec command line '{ControlCharacters.Escape(commandLine, singleLine: true)}' contains a control character at position {bad + 1}"),
                "remove it; write the command as plain text");
            return false;
        }

        try
        {
            if (CommandLineSplitter.Split(commandLine).Count > 0)
            {
                return true;
            }

            _context.Error(node.Location, "the exec command is empty", "write exec:<command line>, e.g. exec:python3 answer.py");
        }
        catch (FormatException e)
        {
            _context.Error(node.Location, $"the exec command line cannot be split: {ControlCharacters.Escape(e.Message, singleLine: true)}",
                "close the quote, or escape it with a backslash (the command runs without a shell)");
        }

        return false;
    }

    private void CheckPlan(SourceLocation at, int caseCount, int candidateCount, int repeats)
    {
        if (RunLimits.CheckPlan(caseCount, candidateCount, repeats) is { } problem)
        {
            _context.Error(at, problem, "lower 'run.repeats', or split the suite or the candidates over several specs");
        }
    }

    /// <summary>Every json-schema <c>$ref</c> must resolve inside its schema: evaluation fetches nothing.</summary>
    private void CheckSchemaRefs(List<AssertionSpec> defaults, List<EvalCase> cases)
    {
        foreach (var a in defaults.Concat(cases.SelectMany(c => c.Assertions)).Where(a => a.Type == AssertionTypes.JsonSchema && a.Schema is not null))
        {
            foreach (var problem in SchemaRefs.Unresolved(a.Schema))
            {
                _context.Error(a.Location, $"json-schema {problem}", "define the target under '$defs' in the same schema and point at it with '#/$defs/<name>'; external references are not fetched");
            }
        }
    }

    /// <summary><c>${VAR}</c> in a base_url must be closed and name a variable, or the first call fails with "Is the endpoint up?".</summary>
    private void CheckBaseUrls(MappingReader root)
    {
        var mappings = new List<MappingNode>();
        foreach (var key in new[] { "candidates", "judges" })
        {
            if (root.Get(key) is SequenceNode seq)
            {
                mappings.AddRange(seq.Items.OfType<MappingNode>());
            }
        }

        if (root.Get("judge") is MappingNode judge)
        {
            mappings.Add(judge);
        }

        foreach (var (key, value) in mappings.SelectMany(m => m.Entries))
        {
            if (key.Value != "base_url" || value is not ScalarNode { IsNull: false } url)
            {
                continue;
            }

            for (var i = url.Value.IndexOf("${", StringComparison.Ordinal); i >= 0; i = url.Value.IndexOf("${", i + 2, StringComparison.Ordinal))
            {
                var close = url.Value.IndexOf('}', i + 2);
                var shown = ControlCharacters.Escape(url.Value, singleLine: true);
                if (close < 0)
                {
                    _context.Error(url.Location, string.Create(CultureInfo.InvariantCulture, $"unclosed '${{' at position {i + 1} of base_url '{shown}'"), "close it: ${VARIABLE_NAME}");
                    break;
                }

                var name = url.Value[(i + 2)..close];
                if (!EnvNamePattern().IsMatch(name))
                {
                    _context.Error(url.Location, $"'${{{ControlCharacters.Escape(name, singleLine: true)}}}' in base_url '{shown}' is not an environment variable name", "use letters, digits and '_', not starting with a digit, e.g. ${OPENAI_BASE_URL}");
                }
            }
        }
    }

    /// <summary>Judge repeats multiply every judged output; the same bound as run.repeats applies.</summary>
    private void CheckJudgeRepeats(List<JudgeSpec> judges)
    {
        foreach (var judge in judges.Where(j => j.Repeats > RunLimits.MaxRepeats))
        {
            _context.Error(judge.Location, string.Create(CultureInfo.InvariantCulture, $"judge '{judge.Id}' repeats {judge.Repeats} times; the limit is {RunLimits.MaxRepeats}"), "a few repeats (e.g. 3) measure the judge's self-consistency");
        }
    }
}
