using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipgate.Specs;

namespace Shipgate.Evals;

/// <summary>
/// Response-cache key: provider, model settings, endpoint, rendered prompt and repeat index.
/// The repeat index is part of the key so repeats are real samples, not copies of the first answer.
/// </summary>
internal static class CacheKey
{
    public static string For(CandidateSpec candidate, RenderedPrompt prompt, int repeat)
    {
        var material = JsonSerializer.Serialize(new object?[]
        {
            "v1", candidate.Provider, candidate.BaseUrl, SettingsJson(candidate.Settings), prompt.System, prompt.User, repeat,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public static string SettingsJson(ModelSettings settings) => JsonSerializer.Serialize(settings);
}
