using Shipgate.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests.Examples;

/// <summary>
/// Runs examples/support-assistant offline end to end (eval, select, cost, risk, launch) and checks that the figures
/// both READMEs quote are the ones this run measures: the README is a promise, and a figure nobody re-derives rots.
/// </summary>
public sealed class SupportAssistantExampleTests
{
    /// <summary>Set to 1 to rewrite the README figure blocks from the run instead of comparing them.</summary>
    private const string UpdateVariable = "SHIPGATE_UPDATE_FIGURES";

    [Fact]
    public async Task Readmes_QuoteTheFiguresOfARealOfflineRun()
    {
        var root = RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("shipgate-example-").FullName;
        try
        {
            CopyExample(Path.Combine(root, "examples", "support-assistant"), folder);
            var codes = new Dictionary<string, int>();
            foreach (var command in new[] { "eval", "select", "cost", "risk", "launch" })
            {
                codes[command] = await RunAsync(folder, command, folder);
            }

            var figures = ExampleFigures.Read(Path.Combine(folder, ".shipgate", "reports"), codes);
            var readmes = new[]
            {
                (Path.Combine(root, "README.md"), figures.Headline()),
                (Path.Combine(root, "examples", "support-assistant", "README.md"), figures.Full()),
            };
            foreach (var (readme, expected) in readmes)
            {
                var text = await File.ReadAllTextAsync(readme);
                if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
                {
                    await File.WriteAllTextAsync(readme, ExampleFigures.Replace(text, expected));
                    continue;
                }

                var quoted = ExampleFigures.Block(text);
                Assert.True(quoted is not null, $"{readme} has no figures block ({ExampleFigures.Start} … {ExampleFigures.End})");
                Assert.True(quoted == expected, $"{readme}: the figures block does not match a real offline run of the example. "
                    + $"Run the test with {UpdateVariable}=1 to rewrite it, and check the prose around it.\n--- quoted\n{quoted}\n--- measured\n{expected}");
            }

            // The verdicts the READMEs promise, independent of formatting: no candidate of the offline stand-ins ships.
            Assert.Equal(1, codes["eval"]);
            Assert.Equal(1, codes["launch"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string workingDirectory, string command, string path)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;

        // No keys and no base URLs: the optional real candidates are skipped, exactly as on a fresh machine.
        var environment = new CliEnvironment(_ => null, TimeProvider.System, workingDirectory);
        var code = await ShipgateApp.RunAsync([command, path], console, environment);
        Assert.True(code is 0 or 1, $"shipgate {command} exited {code}:\n{console.Output}");
        Assert.DoesNotMatch(@"(?m)^\s+at [\w.`<>]+\.[\w<>`]+\(", console.Output);
        return code;
    }

    private static void CopyExample(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(".shipgate", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shipgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Shipgate.slnx not found above the test binaries");
    }
}
