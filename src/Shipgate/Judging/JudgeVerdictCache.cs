using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// Judge verdicts kept in the response cache under their own key namespace (<c>judge:</c>), so re-judging an
/// unchanged output costs nothing. The key hashes the whole judge request: judge provider, endpoint, settings and
/// options, the full prompt (rubric: criteria, anchors, examples, case, input and output and the judge repeat index;
/// groundedness: the documents and knowledge passages sent and the output) and the output schema.
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

        return Key("rubric-v1", judge, JudgePrompt.CacheMaterial(request), JudgePrompt.Schema(request.Criteria).GetRawText(), repeat);
    }

    private static readonly JsonSerializerOptions GroundednessJson = new() { Converters = { new JsonStringEnumConverter<ClaimVerdict>() } };

    private static string Key(string version, JudgeSpec judge, string prompt, string? schema, int? repeat)
    {
        var candidate = judge.ToCandidate();
        var options = candidate.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value).ToList();
        // The rubric material keeps its original shape (the repeat index last) so existing cached verdicts still hit.
        object?[] parts = repeat is { } r
            ? [version, candidate.Provider, candidate.BaseUrl, CacheKey.SettingsJson(candidate.Settings), options, prompt, schema, r]
            : [version, candidate.Provider, candidate.BaseUrl, CacheKey.SettingsJson(candidate.Settings), options, prompt, schema];
        var material = JsonSerializer.Serialize(parts);
        return KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    private static JudgeVerdict MarkCached(JudgeVerdict verdict) =>
        verdict with { FromCache = true, CachedCostUsd = verdict.CostUsd ?? 0m, LatencyMs = 0, Attempts = 0 };

    /// <summary>Key of a groundedness judging; <paramref name="prompt"/> is the full prompt text as sent, with a fixed block marker.</summary>
    /// <returns>Null for offline judges (free, approximate, and their code may change under the same request).</returns>
    public static string? GroundednessKey(JudgeSpec judge, string prompt, JsonElement? schema)
    {
        ArgumentNullException.ThrowIfNull(judge);
        return judge.IsLocalReference ? null : Key("grounded-v1", judge, prompt, schema?.GetRawText(), null);
    }

    /// <summary>The stored groundedness result, its verdict marked <see cref="JudgeVerdict.FromCache"/>, or null.</summary>
    public async Task<GroundednessResult?> GetGroundednessAsync(string key, CancellationToken cancellationToken)
    {
        var cached = await store.GetCachedAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CachedGroundedness>(cached.Output, GroundednessJson) is { Verdict: { } verdict, Claims: { } claims }
                ? new GroundednessResult(MarkCached(verdict), claims)
                : null;
        }
        catch (JsonException)
        {
            return null; // an entry this build cannot read is a miss, not a failure
        }
    }

    /// <summary>Keeps a conclusive groundedness result; an inconclusive one is never stored.</summary>
    public Task PutGroundednessAsync(string key, GroundednessResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict.Inconclusive)
        {
            return Task.CompletedTask;
        }

        var verdict = result.Verdict with { FromCache = false, CachedCostUsd = 0m };
        return store.PutCachedAsync(
            key,
            new CachedResponse(JsonSerializer.Serialize(new CachedGroundedness(verdict, result.Claims), GroundednessJson), verdict.InputTokens, verdict.OutputTokens, 0, true, verdict.LatencyMs, time.GetUtcNow()),
            cancellationToken);
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
                ? MarkCached(verdict)
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
