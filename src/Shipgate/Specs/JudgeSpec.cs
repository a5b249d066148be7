namespace Shipgate.Specs;

/// <summary>
/// A judge: a provider like a candidate's (<c>openai:gpt-4o</c>, ..., or the offline <c>local:reference</c>), always
/// run at temperature 0, with its own pricing so judge cost never mixes with the candidate's.
/// </summary>
public sealed record JudgeSpec
{
    /// <summary>Id used by a rubric assertion's <c>judge:</c> override; defaults to the provider id.</summary>
    public required string Id { get; init; }

    public required string Provider { get; init; }
    public string? BaseUrl { get; init; }
    public string? ApiKeyEnv { get; init; }
    public Pricing? Pricing { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public int? MaxTokens { get; init; }

    /// <summary>Times each output is judged; above 1 the report shows the judge's self-consistency.</summary>
    public int Repeats { get; init; } = 1;

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>The offline reference-based judge's provider id.</summary>
    public const string LocalReference = "local:reference";

    public bool IsLocalReference => Provider == LocalReference;

    /// <summary>The judge as a candidate, so the provider factory can build its chat client (temperature forced to 0).</summary>
    public CandidateSpec ToCandidate() => new()
    {
        Id = "judge:" + Id,
        Provider = Provider,
        BaseUrl = BaseUrl,
        ApiKeyEnv = ApiKeyEnv,
        Pricing = Pricing,
        Options = Options,
        Settings = new ModelSettings { Temperature = 0, MaxTokens = MaxTokens },
        Location = Location,
    };
}
