using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Cli.Tests.Commands;

/// <summary>
/// Fuzzes the files a spec names: every path field (knowledge, prompt file, system_file, suite.files, replay:,
/// json-schema value) gets each hostile path (NUL and control characters, very long, '..' escapes, absolute paths,
/// dangling links, link loops, FIFOs, folders, devices). Each spec must fail `validate` with exit 2 and a
/// file:line:col location, without a stack trace, in under 10 s, and without eating memory (/dev/zero included).
/// </summary>
public sealed partial class SpecPathFuzzTests
{
    private static readonly string[] Fields = ["knowledge", "file", "system_file", "suite.files", "replay", "schema"];

    [Fact]
    public async Task Validate_HostilePathInEveryField_ExitsTwoWithLocationQuickly()
    {
        await using var f = await CliFixture.StartAsync();
        var outside = Path.Combine(Path.GetTempPath(), "shipgate-fuzz-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "outside the feature folder");
        try
        {
            WriteFixtures(f.Folder, outside);
            var paths = HostilePaths(f.Folder, outside);
            var failures = new List<string>();
            var count = 0;
            foreach (var field in Fields)
            {
                foreach (var path in paths)
                {
                    count++;
                    File.WriteAllText(Path.Combine(f.Folder, "shipgate.yaml"), Spec(field, path));
                    var problem = await ValidateAsync(f, ".");
                    if (problem is not null)
                    {
                        failures.Add($"{field} = {Printable(path)}: {problem}");
                    }
                }
            }

            // The spec file itself may be hostile too.
            foreach (var specPath in SpecPaths(f.Folder))
            {
                count++;
                if (await ValidateAsync(f, specPath) is { } problem)
                {
                    failures.Add($"spec = {specPath}: {problem}");
                }
            }

            Assert.True(count >= 200, $"only {count} specs generated");
            Assert.True(failures.Count == 0, $"{failures.Count} of {count} specs misbehaved:\n" + string.Join("\n", failures));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    /// <summary>Null when validate behaved: exit 2, a located error, no stack trace, under 10 s and 1 GB allocated.</summary>
    private static async Task<string?> ValidateAsync(CliFixture f, string path)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var run = f.RunAsync("validate", path);
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) != run)
        {
            return "did not finish within 10 s";
        }

        var code = await run;
        var used = GC.GetTotalAllocatedBytes() - allocated;
        var output = f.Output;
        if (code != 2)
        {
            return $"exit {code}: {output}";
        }

        if (!Located().IsMatch(output))
        {
            return $"no file:line:col location: {output}";
        }

        if (output.Contains("   at ", StringComparison.Ordinal) || output.Contains("Exception", StringComparison.Ordinal))
        {
            return $"stack trace or exception name: {output}";
        }

        if (output.Any(c => c == '\0' || c == '\u001b'))
        {
            return $"raw control character in the output: {Printable(output)}";
        }

        return watch.Elapsed > TimeSpan.FromSeconds(10) ? $"took {watch.Elapsed}"
            : used > 1L << 30 ? $"allocated {used / (1 << 20)} MiB"
            : null;
    }

    private static void WriteFixtures(string folder, string outside)
    {
        Write(folder, "docs/a.md", "# Refunds\nRefunds take 5 days.\n");
        Write(folder, "prompt.txt", "Q: {{question}}");
        Write(folder, "sys.txt", "You answer refund questions.");
        Write(folder, "cases/a.yaml", "- id: c1\n  vars: { question: \"How long?\" }\n");
        Write(folder, "out.jsonl", "{\"case_id\": \"c1\", \"output\": \"5 days\"}\n");
        Write(folder, "schema.json", "{\"type\": \"string\"}");
        Directory.CreateDirectory(Path.Combine(folder, "hostile", "dir"));
        Link(folder, "hostile/dangling.md", Path.Combine(folder, "nowhere.md"));
        Link(folder, "hostile/loop1.md", Path.Combine(folder, "hostile", "loop2.md"));
        Link(folder, "hostile/loop2.md", Path.Combine(folder, "hostile", "loop1.md"));
        Link(folder, "hostile/zero.md", "/dev/zero");
        Link(folder, "hostile/random.md", "/dev/urandom");
        Link(folder, "hostile/outside.md", outside);
        Directory.CreateSymbolicLink(Path.Combine(folder, "hostile", "dirlink"), Path.Combine(folder, "hostile"));
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(folder, "hostile", "pipe.md")]) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            Directory.CreateDirectory(Path.Combine(folder, "pipes"));
            using var second = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(folder, "pipes", "p.md")]) { UseShellExecute = false })!;
            second.WaitForExit();
        }
    }

    /// <summary>Paths none of which names a readable regular file inside the feature folder.</summary>
    private static List<string> HostilePaths(string folder, string outside) =>
    [
        "docs/a\0.md", "\0", "docs/\0/a.md", "docs/a.md\0", "\0../../etc/passwd",
        "docs/a\u001b[2J.md", "docs/\u0007a.md", "docs/a\n.md", "docs/a\r.md", "docs/\u202Ea.md",
        "", "   ",
        new string('a', 5000), "docs/" + new string('b', 300) + ".md", string.Concat(Enumerable.Repeat("x/", 2100)) + "a.md",
        "../" + Path.GetFileName(outside), "../../../../../../etc/passwd", "docs/../../" + Path.GetFileName(outside), "..", "../",
        outside, "/etc/passwd", "/etc/hostname", "/", "/tmp", "/tmp/",
        "hostile/dangling.md", "hostile/loop1.md", "hostile/zero.md", "hostile/random.md", "hostile/outside.md", "hostile/dirlink",
        "hostile/pipe.md", "pipes/*.md", "hostile/*.md", "hostile/**/*.md",
        "hostile/dir", "hostile", ".", "docs", "docs/",
        "/dev/zero", "/dev/urandom", "/dev/null", "/dev/stdin", "/dev/tty", "/proc/self/mem", "/proc/self/environ",
        "/**/*.md", "../**", "../*/*.md", "/dev/*",
        "nowhere/*.md", "missing.md",
    ];

    /// <summary>Hostile values for the spec argument of `validate` itself.</summary>
    private static List<string> SpecPaths(string folder) =>
        OperatingSystem.IsLinux()
            ? ["/dev/zero", "/dev/urandom", Path.Combine(folder, "hostile", "pipe.md"), Path.Combine(folder, "hostile", "loop1.md"), Path.Combine(folder, "hostile", "dangling.md"), Path.Combine(folder, "hostile", "zero.md")]
            : [Path.Combine(folder, "hostile", "loop1.md")];

    /// <summary>A valid spec in which one field holds <paramref name="path"/>.</summary>
    private static string Spec(string field, string path)
    {
        var q = Quote(path);
        return string.Join('\n',
            "version: 1",
            "feature:",
            "  name: fuzz",
            $"knowledge: [{(field == "knowledge" ? q : "docs/*.md")}]",
            "prompts:",
            "  - id: answer",
            field == "file" ? $"    file: {q}" : "    user: \"Q: {{question}}\"",
            field == "system_file" ? $"    system_file: {q}" : "    system_file: sys.txt",
            "candidates:",
            "  - id: baseline",
            "    provider: local:extractive",
            "  - id: recorded",
            $"    provider: {(field == "replay" ? Quote("replay:" + path) : "replay:out.jsonl")}",
            "suite:",
            $"  files: [{(field == "suite.files" ? q : "cases/*.yaml")}]",
            "defaults:",
            "  assertions:",
            "    - type: json-schema",
            $"      value: {(field == "schema" ? q : "schema.json")}",
            "");
    }

    /// <summary>A YAML double-quoted scalar: every control character escaped, so the spec text itself is clean.</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                _ when c < ' ' || c is '\u007f' or >= '\u2028' and <= '\u202E' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string Printable(string text)
    {
        var shown = string.Concat(text.Select(c => c < ' ' || c == '\u007f' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : c.ToString()));
        return shown.Length > 200 ? shown[..200] + "…" : shown;
    }

    private static void Write(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void Link(string folder, string relative, string target) => File.CreateSymbolicLink(Path.Combine(folder, relative), target);

    [GeneratedRegex(@"(?m)^\S[^\n]*:\d+:\d+: error: ")]
    private static partial Regex Located();
}
