using System.Globalization;
using System.Text;

namespace Shipgate.Cli.Tests.Fuzz;

/// <summary>
/// Deterministic generator of malformed features for the acceptance fuzz test. Every family breaks a valid feature
/// in a way that must be a spec error (exit 2): syntax, types, ranges, nesting, aliases, encodings, truncation,
/// duplicate keys, tabs, CSV quoting, JSONL garbage, huge numbers, empty or binary files, bad ids and paths.
/// </summary>
internal static class MalformedFeatures
{
    public const string Spec = """
        version: 1
        feature:
          name: fuzz
        prompts:
          - id: answer
            user: "Q: {{question}}"
        candidates:
          - id: local
            provider: local:extractive
            temperature: 0.2
            max_tokens: 200
          - id: paid
            provider: openai:gpt-4o-mini
            api_key_env: OPENAI_API_KEY
            pricing: { input: 0.15, output: 0.60 }
        defaults:
          assertions:
            - type: icontains
              value: refund
        suite:
          files: [cases/*]
        gate:
          min_pass_rate: 0.9
          max_error_rate: 0.1
        run:
          concurrency: 4
          timeout_seconds: 30

        """;

    public const string YamlCases = """
        - id: c1
          tags: [happy]
          vars: { question: "Can I get a refund?" }
          threshold: 0.5
          assertions:
            - type: length
              max: 400
        - id: c2
          vars:
            question: second one

        """;

    public const string JsonlCases = """
        {"id": "j1", "tags": ["edge"], "vars": {"question": "first"}, "threshold": 0.5}
        {"id": "j2", "vars": {"question": "second"}, "assertions": [{"type": "length", "max": 400}]}
        {"id": "j3", "vars": {"question": "third, with \"quotes\""}}

        """;

    public const string CsvCases = """
        id,tags,question,assert:icontains
        v1,happy;edge,"Can I, with a comma, get a refund?",refund
        v2,,plain question,

        """;

    /// <summary>(line prefix in <see cref="Spec"/>, values that are wrong for it whatever else the spec says).</summary>
    private static readonly (string Key, string[] Bad)[] SpecNumbers =
    [
        ("    temperature: ", ["-0.5", "2.5", "1e400", "-1e400", "99999999999999999999999", "hot", "\"0.2\"", ".nan"]),
        ("    max_tokens: ", ["0", "-3", "1.5", "99999999999999999999999", "1e400", "2147483648", "lots"]),
        ("    pricing: { input: ", ["-1, output: 0.60 }", "1e30, output: 0.60 }", "1e400, output: 0.60 }", "cheap, output: 0.60 }", "0.15, output: 99999999999999999999999999999999 }"]),
        ("  min_pass_rate: ", ["1.5", "-0.1", "1e400", "-1e400", "high", "99999999999999999999999"]),
        ("  max_error_rate: ", ["2", "-1", "1e309", "\"0.1\""]),
        ("  concurrency: ", ["0", "-1", "99999999999999999999999", "1e400", "2.5", "many"]),
        ("  timeout_seconds: ", ["0", "-5", "1e400", "86401", "99999999999999999999999", "soon"]),
        ("version: ", ["2", "0", "99999999999999999999999", "1e400", "one", "[1]"]),
    ];

    private static readonly (string Key, string[] Bad)[] CaseNumbers =
    [
        ("  threshold: ", ["1.5", "-1", "1e400", "-1e400", "99999999999999999999999", "half", "\"0.5\""]),
        ("      max: ", ["-1", "1e400", "-1e400", "many", "[1, 2]"]),
    ];

    public static IReadOnlyList<FuzzInput> All(int seed)
    {
        var random = new Random(seed);
        var inputs = new List<FuzzInput>();
        void Add(string name, string spec, params (string Path, byte[] Bytes)[] cases) =>
            inputs.Add(new FuzzInput($"#{inputs.Count} {name}", Files(Utf8(spec), cases)));
        void AddBytes(string name, byte[] spec, params (string Path, byte[] Bytes)[] cases) =>
            inputs.Add(new FuzzInput($"#{inputs.Count} {name}", Files(spec, cases)));
        var goodCases = ("cases/a.yaml", Utf8(YamlCases));
        var specLines = Lines(Spec);

        // Syntax: an unclosed or stray indicator replaces a value.
        string[] breakers = ["[", "{", "\"", "'", "[a, {b: c]", "{a: [b}", "*nowhere", "@x", "`x", "\"unterminated \\", "a: b: c"];
        for (var i = 0; i < 120; i++)
        {
            var (spec, line) = ReplaceValue(specLines, random, breakers[random.Next(breakers.Length)]);
            Add($"spec syntax at line {line}", spec, goodCases);
        }

        for (var i = 0; i < 60; i++)
        {
            var lines = Lines(YamlCases);
            var (cases, line) = ReplaceValue(lines, random, breakers[random.Next(breakers.Length)]);
            Add($"case syntax at line {line}", Spec, ("cases/a.yaml", Utf8(cases)));
        }

        // Wrong types: a list or mapping where a scalar is expected, or the other way round.
        string[] wrongShapes = ["[a, b]", "{a: 1}", "- x", "[]", "{}"];
        for (var i = 0; i < 80; i++)
        {
            var (spec, line) = ReplaceValue(specLines, random, wrongShapes[random.Next(wrongShapes.Length)], scalarsOnly: true);
            Add($"spec wrong type at line {line}", spec, goodCases);
        }

        string[] wrongSections = ["prompts: {id: answer}", "candidates: local", "suite: [cases/*]", "gate: 0.9", "run: fast", "feature: fuzz", "defaults: [icontains]"];
        foreach (var section in wrongSections)
        {
            var key = section[..section.IndexOf(':', StringComparison.Ordinal)];
            Add($"spec section '{key}' of the wrong shape", ReplaceSection(Spec, key, section), goodCases);
        }

        // Out-of-range and huge numbers.
        foreach (var (key, bad) in SpecNumbers)
        {
            foreach (var value in bad)
            {
                Add($"spec number {key.Trim()} {value}", ReplaceLine(Spec, key, key + value), goodCases);
            }
        }

        foreach (var (key, bad) in CaseNumbers)
        {
            foreach (var value in bad)
            {
                Add($"case number {key.Trim()} {value}", Spec, ("cases/a.yaml", Utf8(ReplaceLine(YamlCases, key, key + value))));
                Add($"jsonl number {key.Trim()} {value}", Spec, ("cases/a.jsonl", Utf8(JsonlCases.Replace("\"threshold\": 0.5", "\"threshold\": " + JsonNumber(value), StringComparison.Ordinal).Replace("\"max\": 400", "\"max\": " + JsonNumber(value), StringComparison.Ordinal))));
            }
        }

        for (var i = 0; i < 30; i++)
        {
            var digits = new string('9', random.Next(30, 400));
            var exponent = random.Next(309, 100_000).ToString(CultureInfo.InvariantCulture);
            var (key, _) = SpecNumbers[random.Next(SpecNumbers.Length - 1)];
            var huge = random.Next(3) switch { 0 => digits, 1 => "1e" + exponent, _ => "-" + digits + ".5e" + exponent };
            Add($"spec huge number {key.Trim()}", ReplaceLine(Spec, key, key + huge + (key.Contains('{', StringComparison.Ordinal) ? ", output: 0.60 }" : "")), goodCases);
        }

        // Deep nesting, in the spec, a YAML case file, a JSONL line and an inline schema.
        for (var i = 0; i < 60; i++)
        {
            var depth = random.Next(65, i % 10 == 0 ? 40_000 : 3_000);
            var opener = random.Next(4) switch { 0 => "[", 1 => "{a: ", 2 => "[{a: ", _ => "{\"a\": [" };
            var nest = string.Concat(Enumerable.Repeat(opener, depth));
            switch (i % 4)
            {
                case 0:
                    Add($"spec nested {depth} x '{opener}'", ReplaceLine(Spec, "      value: refund", "      value: " + nest), goodCases);
                    break;
                case 1:
                    Add($"case nested {depth} x '{opener}'", Spec, ("cases/a.yaml", Utf8(ReplaceLine(YamlCases, "  tags: [happy]", "  tags: " + nest))));
                    break;
                case 2:
                    Add($"jsonl nested {depth}", Spec, ("cases/a.jsonl", Utf8(JsonlCases + "{\"id\": \"deep\", \"vars\": {\"question\": " + new string('[', depth) + "\n")));
                    break;
                default:
                    Add($"schema nested {depth} x '{opener}'", Spec + "\n", ("cases/a.yaml", Utf8(YamlCases + "- id: s\n  vars: { question: q }\n  assertions:\n    - type: json-schema\n      schema: { type: object, properties: " + nest + " }\n")));
                    break;
            }
        }

        for (var i = 0; i < 15; i++)
        {
            // Block nesting: '- - - x' on one line, or mappings nested by indentation.
            var depth = random.Next(65, 5_000);
            var block = i % 2 == 0
                ? "- id: b\n  vars: { question: q }\n  tags:\n    " + string.Concat(Enumerable.Repeat("- ", depth)) + "x\n"
                : "- id: b\n  vars:\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(d => new string(' ', 2 * d + 4) + "k:\n"));
            Add($"block nesting {depth}", Spec, ("cases/a.yaml", Utf8(YamlCases + block)));
        }

        // Aliases: "billion laughs" with random fan-out, in a schema, vars, tags, or the spec.
        for (var i = 0; i < 60; i++)
        {
            var fanOut = random.Next(2, 11);
            var levels = (int)Math.Ceiling(Math.Log(400_000) / Math.Log(fanOut)) + random.Next(0, 4);
            switch (i % 3)
            {
                case 0:
                    Add($"alias bomb in a schema {fanOut}^{levels}", Spec.Replace("    - type: icontains\n      value: refund", "    - type: json-schema\n      schema:\n        type: object\n        properties:\n" + AliasBomb(fanOut, levels, "          "), StringComparison.Ordinal), goodCases);
                    break;
                case 1:
                    Add($"alias bomb in a case {fanOut}^{levels}", Spec, ("cases/a.yaml", Utf8(YamlCases + "- id: bomb\n  vars: { question: q }\n  context:\n" + AliasBomb(fanOut, levels, "    "))));
                    break;
                default:
                    Add($"alias bomb as a case file {fanOut}^{levels}", Spec, ("cases/a.jsonl", Utf8(JsonlCases)), ("cases/b.yaml", Utf8(AliasBomb(fanOut, levels, ""))));
                    break;
            }
        }

        // Encodings: invalid UTF-8, encoded surrogates, NUL bytes, UTF-16, lone surrogate escapes.
        byte[][] badBytes = [[0x80], [0xC0, 0xAF], [0xFF], [0xFE], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0x00], [0xEF, 0xBB, 0xBF, 0xFF]];
        string[] baseTexts = [Spec, YamlCases, JsonlCases, CsvCases];
        string[] caseNames = ["", "cases/a.yaml", "cases/a.jsonl", "cases/a.csv"];
        for (var i = 0; i < 160; i++)
        {
            var which = i % 4;
            var text = Utf8(baseTexts[which]);
            var at = random.Next(text.Length);
            var bad = badBytes[random.Next(badBytes.Length)];
            byte[] broken = [.. text.AsSpan(0, at), .. bad, .. text.AsSpan(at)];
            if (which == 0)
            {
                AddBytes($"spec bytes {Convert.ToHexString(bad)} at {at}", broken, goodCases);
            }
            else
            {
                Add($"{caseNames[which]} bytes {Convert.ToHexString(bad)} at {at}", Spec, (caseNames[which], broken));
            }
        }

        for (var i = 0; i < 12; i++)
        {
            var encoding = i % 3 == 0 ? Encoding.Unicode : i % 3 == 1 ? Encoding.BigEndianUnicode : Encoding.UTF32;
            byte[] utf16 = [.. encoding.GetPreamble(), .. encoding.GetBytes(baseTexts[i % 4])];
            if (i % 4 == 0)
            {
                AddBytes($"spec in {encoding.WebName}", utf16, goodCases);
            }
            else
            {
                Add($"{caseNames[i % 4]} in {encoding.WebName}", Spec, (caseNames[i % 4], utf16));
            }
        }

        string[] surrogates = ["\\ud800", "\\udfff", "x\\ud83d", "\\ude00y", "\\ud800\\ud800"];
        foreach (var s in surrogates)
        {
            Add($"jsonl lone surrogate {s} in a value", Spec, ("cases/a.jsonl", Utf8(JsonlCases.Replace("\"second\"", "\"" + s + "\"", StringComparison.Ordinal))));
            Add($"jsonl lone surrogate {s} in a key", Spec, ("cases/a.jsonl", Utf8(JsonlCases.Replace("\"threshold\"", "\"" + s + "\"", StringComparison.Ordinal))));
            Add($"jsonl lone surrogate {s} in an id", Spec, ("cases/a.jsonl", Utf8(JsonlCases.Replace("\"j3\"", "\"" + s + "\"", StringComparison.Ordinal))));
            Add($"yaml lone surrogate {s}", Spec, ("cases/a.yaml", Utf8(YamlCases.Replace("\"Can I get a refund?\"", "\"" + s + "\"", StringComparison.Ordinal))));
            Add($"spec lone surrogate {s}", Spec.Replace("\"Q: {{question}}\"", "\"Q: {{question}} " + s + "\"", StringComparison.Ordinal), goodCases);
        }

        // Truncated files: inside a JSONL object, a YAML flow mapping, a quoted CSV cell, the spec's flow mapping.
        for (var i = 0; i < 60; i++)
        {
            switch (i % 4)
            {
                case 0:
                {
                    var lastStart = JsonlCases.TrimEnd().LastIndexOf('\n') + 1;
                    var cut = random.Next(lastStart + 1, JsonlCases.TrimEnd().Length);
                    Add($"jsonl truncated at {cut}", Spec, ("cases/a.jsonl", Utf8(JsonlCases[..cut])));
                    break;
                }

                case 1:
                {
                    var open = YamlCases.IndexOf("{ question", StringComparison.Ordinal);
                    var cut = random.Next(open + 1, YamlCases.IndexOf('}', open));
                    Add($"yaml case truncated at {cut}", Spec, ("cases/a.yaml", Utf8(YamlCases[..cut])));
                    break;
                }

                case 2:
                {
                    var open = CsvCases.IndexOf('"', StringComparison.Ordinal);
                    var cut = random.Next(open + 1, CsvCases.IndexOf('"', open + 1));
                    Add($"csv truncated at {cut}", Spec, ("cases/a.csv", Utf8(CsvCases[..cut])));
                    break;
                }

                default:
                {
                    var open = Spec.IndexOf("{ input", StringComparison.Ordinal);
                    var cut = random.Next(open + 1, Spec.IndexOf('}', open));
                    Add($"spec truncated at {cut}", Spec[..cut], goodCases);
                    break;
                }
            }
        }

        // Duplicate keys: repeat one key line (or a whole item) in the spec or a case file.
        var keyLines = specLines.Select((l, i) => (l, i)).Where(x => x.l.Contains(':', StringComparison.Ordinal) && x.l.Trim().Length > 0).Select(x => x.i).ToList();
        foreach (var index in keyLines)
        {
            var lines = specLines.ToList();
            lines.Insert(index + 1, lines[index]);
            Add($"spec duplicate of line {index + 1}", string.Join('\n', lines), goodCases);
        }

        var caseLines = Lines(YamlCases);
        for (var index = 0; index < caseLines.Length; index++)
        {
            if (caseLines[index].Trim().Length == 0 || caseLines[index].TrimStart().StartsWith("- type", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = caseLines.ToList();
            lines.Insert(index + 1, lines[index]);
            Add($"case duplicate of line {index + 1}", Spec, ("cases/a.yaml", Utf8(string.Join('\n', lines))));
        }

        Add("jsonl duplicate id across lines", Spec, ("cases/a.jsonl", Utf8(JsonlCases + JsonlCases)));
        Add("jsonl duplicate key", Spec, ("cases/a.jsonl", Utf8("{\"id\": \"a\", \"id\": \"b\", \"vars\": {\"question\": \"q\"}}\n")));
        Add("ids repeated across files", Spec, goodCases, ("cases/b.yaml", Utf8(YamlCases)));

        // Tabs used for indentation.
        for (var i = 0; i < 60; i++)
        {
            var source = i % 2 == 0 ? specLines : caseLines;
            var indented = source.Select((l, n) => (l, n)).Where(x => x.l.StartsWith("  ", StringComparison.Ordinal)).Select(x => x.n).ToList();
            var index = indented[random.Next(indented.Count)];
            var lines = source.ToList();
            var trimmed = lines[index].TrimStart(' ');
            lines[index] = new string('\t', random.Next(1, 3)) + trimmed;
            if (i % 2 == 0)
            {
                Add($"spec tab at line {index + 1}", string.Join('\n', lines), goodCases);
            }
            else
            {
                Add($"case tab at line {index + 1}", Spec, ("cases/a.yaml", Utf8(string.Join('\n', lines))));
            }
        }

        // CSV quoting and shape.
        string[] csvBreaks =
        [
            "v3,,\"unclosed question,x\n",
            "v3,,\"closed\"trailing,x\n",
            "v3,,one,two,three\n",
            "v3,only-two\n",
            "v3,,\"a \"\"quote\"\" then\"x,y\n",
        ];
        for (var i = 0; i < 40; i++)
        {
            var rows = Lines(CsvCases).Where(l => l.Length > 0).ToList();
            rows.Insert(random.Next(1, rows.Count + 1), csvBreaks[i % csvBreaks.Length].TrimEnd('\n'));
            Add($"csv {i % csvBreaks.Length} row", Spec, ("cases/a.csv", Utf8(string.Join('\n', rows) + "\n")));
        }

        string[] headers = ["id,id,question", "id,,question", "id,question,question", ",question"];
        foreach (var header in headers)
        {
            Add($"csv header '{header}'", Spec, ("cases/a.csv", Utf8(header + "\nv1,q,r\n")));
        }

        // JSONL garbage lines.
        string[] nonObjects = ["[1, 2]", "\"case\"", "42", "null", "true", "{\"id\": \"x\"} trailing", "{'id': 'x'}", "{\"id\": \"x\",}", "{id: x}", "NaN", "{\"id\": \"x\" \"vars\": {}}", "}{"];
        for (var i = 0; i < 80; i++)
        {
            var lines = Lines(JsonlCases).Where(l => l.Length > 0).ToList();
            var garbage = i < nonObjects.Length ? nonObjects[i] : Garbage(random);
            lines.Insert(random.Next(lines.Count + 1), garbage);
            Add($"jsonl garbage '{garbage[..Math.Min(garbage.Length, 20)]}'", Spec, ("cases/a.jsonl", Utf8(string.Join('\n', lines) + "\n")));
        }

        // Empty, blank, comment-only and NUL-only case files.
        string[] emptyContents = ["", "\n", "   \n\n", "# nothing\n", "[]\n", "cases: []\n", "cases:\n", "---\n"];
        foreach (var name in new[] { "cases/a.yaml", "cases/a.jsonl", "cases/a.csv" })
        {
            foreach (var content in emptyContents)
            {
                Add($"{name} empty '{content.Trim()}'", Spec, (name, Utf8(content)));
            }

            for (var n = 1; n <= 4; n++)
            {
                Add($"{name} {n * 7} NUL bytes", Spec, (name, new byte[n * 7]));
            }
        }

        // Ids with newlines, control characters, spaces or nothing.
        string[] badIds = ["|\n    c9", "\"c9\\n\"", "\"c9\\r\"", "\"c\\u00079\"", "\"c\\t9\"", "\"c 9\"", "\"\"", "\"c9\\u001b[31m\"", ">\n    c9", "\"c9\\u0085\""];
        foreach (var id in badIds)
        {
            Add($"yaml case id {id}", Spec, ("cases/a.yaml", Utf8(YamlCases + "- id: " + id + "\n  vars: { question: q }\n")));
            var jsonId = id.StartsWith('"') ? id : "\"c9\\n\"";
            Add($"jsonl case id {jsonId}", Spec, ("cases/a.jsonl", Utf8(JsonlCases + "{\"id\": " + jsonId + ", \"vars\": {\"question\": \"q\"}}\n")));
        }

        Add("feature name ending in a newline", Spec.Replace("  name: fuzz", "  name: |\n    fuzz", StringComparison.Ordinal), goodCases);
        Add("candidate id ending in a newline", Spec.Replace("  - id: local", "  - id: \"local\\n\"", StringComparison.Ordinal), goodCases);

        // Generic paths (special files and path characters are covered by the path fuzz tests).
        Add("case glob matching nothing", Spec.Replace("files: [cases/*]", "files: [nothing/*.yaml]", StringComparison.Ordinal), goodCases);
        Add("missing case file", Spec.Replace("files: [cases/*]", "files: [cases/missing.yaml]", StringComparison.Ordinal), goodCases);
        Add("case file of an unknown kind", Spec, ("cases/a.txt", Utf8(YamlCases)));
        Add("missing knowledge", "knowledge: [docs/*.md]\n" + Spec, goodCases);
        Add("missing prompt file", Spec.Replace("    user: \"Q: {{question}}\"", "    file: prompts/none.txt", StringComparison.Ordinal), goodCases);
        Add("missing schema file", Spec, ("cases/a.yaml", Utf8(YamlCases + "- id: s\n  vars: { question: q }\n  assertions: [{ type: json-schema, value: none.json }]\n")));
        return inputs;
    }

    /// <summary>A block mapping of anchors, each a flow list of <paramref name="fanOut"/> aliases of the previous one.</summary>
    private static string AliasBomb(int fanOut, int levels, string indent)
    {
        var sb = new StringBuilder($"{indent}l0: &l0 [{string.Join(", ", Enumerable.Repeat("x", fanOut))}]\n");
        for (var i = 1; i <= levels; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{indent}l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", fanOut)).Append("]\n");
        }

        return sb.ToString();
    }

    /// <summary>Replaces the value after 'key: ' on a random line that has one.</summary>
    private static (string Text, int Line) ReplaceValue(string[] lines, Random random, string value, bool scalarsOnly = false)
    {
        var candidates = lines.Select((l, i) => (l, i))
            .Where(x => x.l.Contains(": ", StringComparison.Ordinal) && !(scalarsOnly && x.l.TrimEnd().EndsWith(':')))
            .Select(x => x.i)
            .ToList();
        var index = candidates[random.Next(candidates.Count)];
        var copy = lines.ToArray();
        var colon = copy[index].IndexOf(": ", StringComparison.Ordinal);
        copy[index] = copy[index][..(colon + 2)] + value;
        return (string.Join('\n', copy), index + 1);
    }

    private static string ReplaceLine(string text, string prefix, string replacement)
    {
        var lines = Lines(text);
        var index = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"no line starts with '{prefix}'");
        }

        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>Replaces a top-level section (its key line and the indented lines under it).</summary>
    private static string ReplaceSection(string text, string key, string replacement)
    {
        var lines = Lines(text).ToList();
        var start = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith(' '))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        lines.Insert(start, replacement);
        return string.Join('\n', lines);
    }

    private static string JsonNumber(string yaml) => yaml.StartsWith('"') || yaml.StartsWith('[') || char.IsAsciiDigit(yaml.TrimStart('-')[0]) ? yaml : "\"" + yaml + "\"";

    /// <summary>A line of printable noise that is never a JSON object.</summary>
    private static string Garbage(Random random)
    {
        const string Alphabet = "abcxyz019 :,[]{}\"'\\-+.eE#/*!@";
        var chars = new char[random.Next(1, 60)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        chars[0] = "abc}]:,'\\"[random.Next(9)];
        return new string(chars);
    }

    private static Dictionary<string, byte[]> Files(byte[] spec, (string Path, byte[] Bytes)[] cases)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["shipgate.yaml"] = spec };
        foreach (var (path, bytes) in cases)
        {
            files[path] = bytes;
        }

        return files;
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
