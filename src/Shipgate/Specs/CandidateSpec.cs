namespace Shipgate.Specs;

/// <summary>
/// A candidate: a provider id (<c>openai:gpt-4o-mini</c>, <c>local:extractive</c>, ...) plus model settings and the prompt it runs.
/// </summary>
public sealed record CandidateSpec
{
    public required string Id { get; init; }

    /// <summary>Provider id, <c>scheme:rest</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Prompt id to render; null means the first prompt.</summary>
    public string? Prompt { get; init; }

    public ModelSettings Settings { get; init; } = new();

    /// <summary>Endpoint base URL (OpenAI-compatible endpoints must include <c>/v1</c>). May be <c>${ENV_VAR}</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Name of the environment variable that holds the API key. Keys never live in the spec.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Declared prices; null means unknown (reported as "unknown", never $0), except local stand-ins, which are free.</summary>
    public Pricing? Pricing { get; init; }

    /// <summary>Provider-specific extras (e.g. <c>api_version</c>, <c>headers</c>), as strings.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Matrix group: frontier, efficient or open-source; null when not declared.</summary>
    public CandidateTier? Tier { get; init; }

    /// <summary>Model family, e.g. <c>gpt-4o</c>: a new catalog model in a shortlisted family triggers a review.</summary>
    public string? Family { get; init; }

    /// <summary>Skipped (with a note) when its <c>api_key_env</c> or a <c>${VAR}</c> in <c>base_url</c> is unset.</summary>
    public bool Optional { get; init; }

    /// <summary>Declared properties for the selection matrix; never null, fields may be.</summary>
    public CandidateProfile Profile { get; init; } = new();

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>The part of <see cref="Provider"/> before the first colon.</summary>
    public string Scheme => Provider.Split(':', 2)[0];

    /// <summary>The part of <see cref="Provider"/> after the first colon (model name, command, file).</summary>
    public string Target => Provider.Contains(':', StringComparison.Ordinal) ? Provider.Split(':', 2)[1] : "";
}
