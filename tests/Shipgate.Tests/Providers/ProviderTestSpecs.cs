using Shipgate.Specs;

namespace Shipgate.Tests.Providers;

/// <summary>Minimal specs for provider tests: a feature rooted in a temp folder and a candidate.</summary>
internal static class ProviderTestSpecs
{
    public static FeatureSpec Feature(string root, IReadOnlyList<string>? knowledge = null, TimeSpan? timeout = null) => new()
    {
        Name = "test-feature",
        RootDirectory = root,
        SpecFile = Path.Combine(root, "shipgate.yaml"),
        KnowledgeFiles = knowledge ?? [],
        Prompts = [new PromptTemplate("answer", null, "{{question}}", SourceLocation.FileOnly("shipgate.yaml"))],
        Candidates = [],
        Cases = [],
        Run = new RunSettings { Timeout = timeout ?? TimeSpan.FromSeconds(30) },
    };

    public static CandidateSpec Candidate(string provider, string? baseUrl = null, ModelSettings? settings = null, string? apiKeyEnv = null, Dictionary<string, string>? options = null) => new()
    {
        Id = "c1",
        Provider = provider,
        BaseUrl = baseUrl,
        ApiKeyEnv = apiKeyEnv,
        Settings = settings ?? new ModelSettings(),
        Options = options ?? [],
        Location = new SourceLocation("shipgate.yaml", 12, 5),
    };

    public static Func<string, string?> Env(params (string Name, string Value)[] vars)
    {
        var map = vars.ToDictionary(v => v.Name, v => v.Value);
        return name => map.TryGetValue(name, out var v) ? v : null;
    }
}
