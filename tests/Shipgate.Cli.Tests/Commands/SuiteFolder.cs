using Microsoft.Extensions.Time.Testing;
using Shipgate.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests.Commands;

/// <summary>A feature folder for lint and cases-add tests, with a fixed clock; runs the CLI in-process (real MiniLM).</summary>
internal sealed class SuiteFolder : IDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);

    public string Folder { get; } = Directory.CreateTempSubdirectory("shipgate-suite-").FullName;
    public string Output { get; private set; } = "";

    public const string SpecText = """
        version: 1
        feature:
          name: suite-feature
        prompts:
          - id: answer
            user: "Customer question: {{question}}"
        candidates:
          - id: baseline
            provider: local:extractive
        suite:
          files:
            - cases/*.yaml
        defaults:
          assertions:
            - type: length
              max: 1500
        """;

    public const string HappyCases = """
        # Hand-written cases.
        - id: happy-price
          tags: [happy]
          vars: { question: "How much does Tallybook Plus cost?" }
          assertions:
            - type: icontains
              value: $4 per month
        - id: happy-export
          tags: [happy]
          vars: { question: "Can I download a copy of all my data?" }
          assertions:
            - type: icontains
              value: Export my data
        """;

    public SuiteFolder Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Folder, relativePath));

    public async Task<int> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        var environment = new CliEnvironment(_ => null, new FakeTimeProvider(Today), Folder);
        var code = await ShipgateApp.RunAsync(args, console, environment);
        Output = console.Output;
        return code;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
