using System.Text.RegularExpressions;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>Reads a candidate's base URL and API key from the environment, with errors that say what to set.</summary>
internal static partial class CandidateEnvironment
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariablePattern();

    /// <summary>Expands <c>${VAR}</c>; an unset or empty variable is an error naming the candidate and the variable.</summary>
    public static string Expand(string value, CandidateSpec candidate, string field, Func<string, string?> env)
    {
        return VariablePattern().Replace(value, m =>
        {
            var name = m.Groups[1].Value;
            var resolved = env(name);
            if (string.IsNullOrEmpty(resolved))
            {
                throw Error(candidate, $"{field} uses ${{{name}}} but the environment variable {name} is not set (export {name}=... or change {field})");
            }

            return resolved;
        });
    }

    /// <summary>The candidate's base URL, expanded and checked, or <paramref name="fallback"/> when none is set.</summary>
    public static Uri BaseUrl(CandidateSpec candidate, Func<string, string?> env, string fallback)
    {
        var raw = string.IsNullOrWhiteSpace(candidate.BaseUrl) ? fallback : Expand(candidate.BaseUrl, candidate, "base_url", env);
        if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Error(candidate, $"base_url '{raw}' is not an absolute http(s) URL (e.g. http://localhost:11434/v1)");
        }

        return uri;
    }

    public static ProviderException Error(CandidateSpec candidate, string message)
    {
        var where = candidate.Location.File.Length > 0 ? candidate.Location + ": " : "";
        return new ProviderException(candidate.Provider, ProviderErrorKind.Other, $"{where}candidate '{candidate.Id}' ({candidate.Provider}): {message}");
    }
}
