using Microsoft.Extensions.AI;
using Shipgate.Cost;
using Shipgate.Embeddings;
using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Storage;
using Shipgate.Suite;

namespace Shipgate.Cli.Infrastructure;

/// <summary>The composition root: builds engine parts for commands. No rules live here.</summary>
internal sealed class Engine(CliEnvironment environment)
{
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _embeddings = new(() => new MiniLmEmbeddingGenerator());

    public CliEnvironment Environment => environment;

    /// <summary>The local MiniLM embedding model, loaded on first use and shared by every part that needs it.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings => _embeddings.Value;

    public FeatureSpec LoadSpec(string path) => new SpecLoader().Load(environment.ResolvePath(path));

    /// <summary>The price catalog: <paramref name="pricesFile"/> (--prices), else the imported one in SHIPGATE_HOME, else the bundled one.</summary>
    public PriceCatalog LoadPrices(string? pricesFile) => PriceCatalogs.Load(
        pricesFile is null ? null : environment.ResolvePath(pricesFile),
        PriceCatalogs.Home(environment.GetVariable),
        environment.Time);

    public Task<IRunStore> OpenStoreAsync(FeatureSpec spec, CancellationToken cancellationToken) =>
        RunStores.OpenSqliteAsync(Path.Combine(spec.StateDirectory, "shipgate.db"), environment.Time, cancellationToken);

    public EvalRunner CreateRunner(IRunStore store)
    {
        // Judges are built by the same provider factory as candidates (one HTTP client, one embedding model).
        var providers = new ProviderFactory(environment.GetVariable, timeProvider: environment.Time, embeddings: () => _embeddings.Value);
        return new(providers, new AssertionFactory(new JudgeFactory(providers, environment.Time)), store, environment.Time, () => _embeddings.Value);
    }

    /// <summary>True when the feature has a store on disk; lint must not create one just to find it empty.</summary>
    public bool StoreExists(FeatureSpec spec) => File.Exists(Path.Combine(spec.StateDirectory, "shipgate.db"));

    /// <summary>The embedding model loads on the first embed, so building these costs nothing until they compare cases.</summary>
    public SuiteLinter CreateLinter() => new(() => _embeddings.Value, environment.Time);

    public CaseImporter CreateCaseImporter() => new(new SpecLoader(), () => _embeddings.Value, environment.Time);
}
