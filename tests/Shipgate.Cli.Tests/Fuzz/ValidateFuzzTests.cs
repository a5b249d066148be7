using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Cli.Tests.Fuzz;

/// <summary>
/// Acceptance fuzz test: over a thousand malformed specs and case files through `shipgate validate`, in-process.
/// Each must exit 2 with a file:line:col location, print no stack trace, and finish in bounded time and memory.
/// </summary>
public sealed partial class ValidateFuzzTests
{
    private const int Seed = 20261204;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);
    private const long MemoryLimit = 1L << 30;

    [Fact]
    public async Task Validate_TheUnbrokenFeature_IsValid()
    {
        await using var f = await CliFixture.StartAsync();
        var folder = Write(f.Folder, "good", new FuzzInput("good", new Dictionary<string, byte[]>
        {
            ["shipgate.yaml"] = Encoding.UTF8.GetBytes(MalformedFeatures.Spec),
            ["cases/a.yaml"] = Encoding.UTF8.GetBytes(MalformedFeatures.YamlCases),
            ["cases/b.jsonl"] = Encoding.UTF8.GetBytes(MalformedFeatures.JsonlCases),
            ["cases/c.csv"] = Encoding.UTF8.GetBytes(MalformedFeatures.CsvCases),
        }));

        var code = await f.RunAsync("validate", folder);

        Assert.True(code == 0, f.Output);
        Assert.Contains("cases      7", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_IsDeterministicAndLargeEnough()
    {
        var first = MalformedFeatures.All(Seed);
        var second = MalformedFeatures.All(Seed);

        Assert.True(first.Count >= 1000, $"only {first.Count} inputs");
        Assert.Equal(first.Select(i => i.Name), second.Select(i => i.Name));
        Assert.Equal(first.Count, first.Select(i => i.Name).Distinct().Count());
    }

    [Fact]
    public async Task Validate_EveryMalformedInput_ExitsTwoWithALocationAndNoStackTrace()
    {
        await using var f = await CliFixture.StartAsync();
        var failures = new List<string>();
        var inputs = MalformedFeatures.All(Seed);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var folder = Write(f.Folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), input);
            var allocated = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            int code;
            try
            {
                // Off the test thread, so a hang fails this input after the time limit instead of the whole run.
                code = await Task.Run(() => f.RunAsync("validate", folder)).WaitAsync(TimeLimit);
            }
            catch (TimeoutException)
            {
                failures.Add($"{input.Name}: still running after {TimeLimit.TotalSeconds} s");
                break;
            }

            var elapsed = clock.Elapsed;
            var bytes = GC.GetTotalAllocatedBytes() - allocated;
            var output = f.Output;
            var problems = new List<string>();
            if (code != 2)
            {
                problems.Add($"exit {code}");
            }

            if (!Location().IsMatch(output))
            {
                problems.Add("no file:line:col location");
            }

            if (StackTrace().IsMatch(output))
            {
                problems.Add("a stack trace or exception name");
            }

            if (elapsed > TimeLimit)
            {
                problems.Add($"took {elapsed.TotalSeconds:0.0} s");
            }

            if (bytes > MemoryLimit)
            {
                problems.Add($"allocated {bytes / (1 << 20)} MiB");
            }

            if (problems.Count > 0)
            {
                failures.Add($"{input.Name}: {string.Join(", ", problems)}\n{Indent(output)}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {inputs.Count} inputs failed (in {total.Elapsed.TotalSeconds:0} s):\n" + string.Join("\n", failures.Take(40)));
    }

    private static string Write(string root, string name, FuzzInput input)
    {
        var folder = Path.Combine(root, name);
        foreach (var (path, bytes) in input.Files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return folder;
    }

    private static string Indent(string output)
    {
        var text = output.Length > 1500 ? output[..1500] + "…" : output;
        return "    " + text.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^[^\s:][^:\n]*:\d+:\d+: error: ")]
    private static partial Regex Location();

    [GeneratedRegex(@"(?m)^\s+at \S+\(|\b[A-Z]\w*Exception\b|SHIPGATE_DEBUG")]
    private static partial Regex StackTrace();
}
