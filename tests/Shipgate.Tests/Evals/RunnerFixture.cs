using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Storage;
using Shipgate.Testing;

namespace Shipgate.Tests.Evals;

/// <summary>A feature pointed at a stub server over real HTTP, with a real SQLite store in a temp folder.</summary>
internal sealed class RunnerFixture : IAsyncDisposable
{
    private RunnerFixture(StubModelServer server, string folder, IRunStore store)
    {
        Server = server;
        Folder = folder;
        Store = store;
    }

    public StubModelServer Server { get; }
    public string Folder { get; }
    public IRunStore Store { get; }

    public static async Task<RunnerFixture> StartAsync(StubServerOptions? options = null)
    {
        var server = await StubModelServer.StartAsync(options);
        var folder = Directory.CreateTempSubdirectory("shipgate-runner-").FullName;
        var store = await RunStores.OpenSqliteAsync(Path.Combine(folder, ".shipgate", "shipgate.db"));
        return new RunnerFixture(server, folder, store);
    }

    public FeatureSpec Spec(int cases = 3, ShipGateSpec? gate = null, Pricing? pricing = null, bool stream = false, string? expected = null) => new()
    {
        Name = "stubbed",
        RootDirectory = Folder,
        SpecFile = Path.Combine(Folder, "shipgate.yaml"),
        ContentHash = "test",
        Prompts = [new PromptTemplate("p", "Be brief.", "Q: {{q}}", SourceLocation.FileOnly("shipgate.yaml"))],
        Candidates =
        [
            new CandidateSpec
            {
                Id = "stub",
                Provider = "openai:stub-model",
                BaseUrl = Server.BaseUrl,
                ApiKeyEnv = "STUB_KEY",
                Pricing = pricing,
                Settings = new ModelSettings { Temperature = 0, MaxTokens = 64, Stream = stream },
            },
        ],
        Cases = [.. Enumerable.Range(0, cases).Select(i => new EvalCase
        {
            Id = $"case-{i}",
            Vars = new Dictionary<string, string> { ["q"] = $"question {i}" },
            Tags = i == 0 ? [CaseTags.Safety] : [CaseTags.Happy],
            Assertions = [new AssertionSpec { Type = "icontains", Value = expected ?? $"question {i}" }],
        })],
        Gate = gate ?? new ShipGateSpec { MinPassRate = 0.9 },
    };

    /// <summary>An executable bash script in the feature folder, for exec: candidates.</summary>
    public string WriteScript(string name, string body)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public EvalRunner Runner() => new(
        new ProviderFactory(name => name == "STUB_KEY" ? "sk-test" : null),
        new AssertionFactory(),
        Store);

    public static EvalRunOptions FastOptions(int repeats = 1, int retries = 3) => new()
    {
        Concurrency = 4,
        Repeats = repeats,
        MaxRetries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
