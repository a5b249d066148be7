using System.Text.RegularExpressions;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>
/// Which <c>optional: true</c> candidates are switched off because the environment lacks what they read (their
/// <c>api_key_env</c> or a <c>${VAR}</c> in <c>base_url</c>). Non-optional candidates are never skipped: a missing key
/// there is an error that says what to set.
/// </summary>
internal static partial class CandidateAvailability
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariablePattern();

    /// <summary>The unset variable that switches <paramref name="candidate"/> off, or null when it runs.</summary>
    public static string? MissingVariable(CandidateSpec candidate, Func<string, string?> env)
    {
        if (!candidate.Optional)
        {
            return null;
        }

        if (candidate.ApiKeyEnv is { } key && string.IsNullOrEmpty(env(key)))
        {
            return key;
        }

        return VariablePattern().Matches(candidate.BaseUrl ?? "")
            .Select(m => m.Groups[1].Value)
            .FirstOrDefault(name => string.IsNullOrEmpty(env(name)));
    }

    /// <summary>Optional candidates to skip, each with its note ("skipped gpt-4o: OPENAI_API_KEY is not set").</summary>
    public static IReadOnlyList<(CandidateSpec Candidate, string Note)> Skipped(FeatureSpec spec, Func<string, string?> env) =>
        [.. spec.Candidates
            .Select(c => (Candidate: c, Variable: MissingVariable(c, env)))
            .Where(x => x.Variable is not null)
            .Select(x => (x.Candidate, $"skipped {x.Candidate.Id}: {x.Variable} is not set"))];
}
