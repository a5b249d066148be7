using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// Judge verdicts kept in the response cache under their own key namespace (<c>judge:</c>), so re-judging an
/// unchanged output costs nothing. The key hashes the whole judge request: judge provider, endpoint, settings and
/// options, the full prompt (criteria, anchors, examples, case, input and output) and the judge repeat index.
/// Only conclusive verdicts are kept: a failed or unusable judge call is asked again next time.
/// </summary>
internal sealed class JudgeVerdictCache(IRunStore store, TimeProvider time)
{
    public const string KeyPrefix = "judge:";

    /// <returns>Null for offline judges (free, and their code may change under the same request).</returns>
    public static string? RubricKey(JudgeSpec judge, RubricJudgeRequest request, int repeat)
    {
        if (judge.IsLocalReference)
        {
            return null;
        }

        var candidate = judge.ToCandidate();
        var options = candidate.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value).ToList();
        var material = JsonSerializer.Serialize(new object?[]
        {
            "rubric-v1", candidate.Provider, candidate.BaseUrl, CacheKey.SettingsJson(candidate.Settings), options,
            JudgePrompt.CacheMaterial(request), JudgePrompt.Schema(request.Criteria).GetRawText(), repeat,
        });
        return KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>The stored verdict marked <see cref="JudgeVerdict.FromCache"/>, or null.</summary>
    public async Task<JudgeVerdict?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var cached = await store.GetCachedAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<JudgeVerdict>(cached.Output) is { } verdict
                ? verdict with { FromCache = true, CachedCostUsd = verdict.CostUsd ?? 0m, LatencyMs = 0, Attempts = 0 }
                : null;
        }
        catch (JsonException)
        {
            return null; // an entry this build cannot read is a miss, not a failure
        }
    }

    public Task PutAsync(string key, JudgeVerdict verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var stored = verdict with { FromCache = false, CachedCostUsd = 0m };
        return store.PutCachedAsync(
            key,
            new CachedResponse(JsonSerializer.Serialize(stored), verdict.InputTokens, verdict.OutputTokens, 0, true, verdict.LatencyMs, time.GetUtcNow()),
            cancellationToken);
    }
}
