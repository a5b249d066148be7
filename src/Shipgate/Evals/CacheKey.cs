using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipgate.Specs;

namespace Shipgate.Evals;

/// <summary>
/// Response-cache key: provider, endpoint, settings, provider options, rendered prompt and repeat index.
/// The repeat index is part of the key so repeats are real samples, not copies of the first answer.
/// </summary>
internal static class CacheKey
{
    /// <returns>Null when the provider's answers must not be cached.</returns>
    public static string? For(CandidateSpec candidate, EvalCase evalCase, RenderedPrompt prompt, int repeat)
    {
        // replay: and local: are free and read files that can change under the same prompt; caching them could only serve stale answers.
        if (candidate.Scheme is "replay" or "local")
        {
            return null;
        }

        // exec: programs also receive the case id and vars, so their answer may depend on more than the prompt.
        var caseMaterial = candidate.Scheme == "exec" ? JsonSerializer.Serialize(new object[] { evalCase.Id, evalCase.Vars.OrderBy(v => v.Key, StringComparer.Ordinal).ToList() }) : null;
        var options = candidate.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value).ToList();
        var material = JsonSerializer.Serialize(new object?[]
        {
            "v2", candidate.Provider, candidate.BaseUrl, SettingsJson(candidate.Settings), options, caseMaterial, prompt.System, prompt.User, repeat,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public static string SettingsJson(ModelSettings settings) => JsonSerializer.Serialize(settings);
}
