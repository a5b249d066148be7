using System.Globalization;
using Shipgate.Cli.Infrastructure;
using Shipgate.Testing;
using Spectre.Console.Testing;

namespace Shipgate.Cli.Tests;

/// <summary>A feature folder on disk whose candidate points at a stub server over real HTTP; runs the CLI in-process.</summary>
internal sealed class CliFixture : IAsyncDisposable
{
    private CliFixture(StubModelServer server, string folder)
    {
        Server = server;
        Folder = folder;
    }

    public StubModelServer Server { get; }
    public string Folder { get; }
    public string Output { get; private set; } = "";

    public static async Task<CliFixture> StartAsync(StubServerOptions? options = null)
    {
        var server = await StubModelServer.StartAsync(options);
        return new CliFixture(server, Directory.CreateTempSubdirectory("shipgate-cli-").FullName);
    }

    /// <summary>Writes shipgate.yaml with <paramref name="cases"/> cases that pass when the stub echoes the question.</summary>
    public void WriteFeature(int cases = 6, string gate = "min_pass_rate: 0.9", string? baseUrl = null, string extra = "")
    {
        var lines = new List<string>
        {
            "version: 1",
            "feature:",
            "  name: cli-feature",
            "prompts:",
            "  - id: answer",
            "    user: \"Q: {{question}}\"",
            "candidates:",
            "  - id: stub",
            "    provider: openai:stub-model",
            $"    base_url: {baseUrl ?? Server.BaseUrl}",
            "    api_key_env: STUB_KEY",
            "    pricing: { input: 0.15, output: 0.60 }",
            "suite:",
            "  cases:",
        };
        for (var i = 0; i < cases; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    - id: case-{i}"));
            lines.Add(i % 3 == 0 ? "      tags: [safety]" : "      tags: [happy]");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"      vars: {{ question: \"question {i}\" }}"));
            lines.Add("      assertions:");
            lines.Add("        - type: icontains");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"          value: \"question {i}\""));
        }

        lines.Add("gate:");
        lines.Add("  " + gate);
        lines.Add("run:");
        lines.Add("  retries: 1");
        lines.Add("  retry_base_delay_ms: 10");
        lines.Add(extra);
        File.WriteAllText(Path.Combine(Folder, "shipgate.yaml"), string.Join('\n', lines) + "\n");
    }

    public Task<int> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs with an interactive console that answers prompts with <paramref name="answers"/>, in order.</summary>
    public async Task<int> RunWithInputAsync(IReadOnlyList<string>? answers, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        if (answers is not null)
        {
            console.Interactive();
            foreach (var answer in answers)
            {
                console.Input.PushTextWithEnter(answer);
            }
        }

        var environment = new CliEnvironment(name => name == "STUB_KEY" ? "sk-test" : null, TimeProvider.System, Folder);
        var code = await ShipgateApp.RunAsync(args, console, environment);
        Output = console.Output;
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
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
