namespace Shipgate.Specs;

/// <summary>The provider schemes a candidate may name (docs/spec.md, "Providers"), kept in one place.</summary>
internal static class ProviderSchemes
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";
    public const string Exec = "exec";
    public const string Replay = "replay";
    public const string Local = "local";

    public static readonly IReadOnlyList<string> All = [OpenAI, Anthropic, Exec, Replay, Local];

    /// <summary>Targets of <c>local:</c>.</summary>
    public static readonly IReadOnlyList<string> LocalTargets = ["extractive"];
}
