using Anthropic;
using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>
/// <c>anthropic:&lt;model&gt;</c>: the Messages API through the official SDK with its retries off. The SDK's base URL
/// is the server root; a <c>base_url</c> ending in <c>/v1</c> is accepted and the suffix dropped, so the same
/// URL style works for every provider.
/// </summary>
internal static class AnthropicProvider
{
    public const string DefaultBaseUrl = "https://api.anthropic.com";
    public const string DefaultKeyEnv = "ANTHROPIC_API_KEY";

    /// <summary>The Messages API requires max_tokens; used when the candidate sets none.</summary>
    public const int DefaultMaxTokens = 1024;

    private const string PlaceholderKey = "no-key";

    public static IChatClient Create(CandidateSpec candidate, FeatureSpec feature, Func<string, string?> env, HttpClient httpClient, TimeProvider time)
    {
        var model = candidate.Target.Trim();
        if (model.Length == 0)
        {
            throw CandidateEnvironment.Error(candidate, "the model name is missing (write anthropic:<model>, e.g. anthropic:claude-3-5-haiku-latest)");
        }

        var baseUrl = CandidateEnvironment.BaseUrl(candidate, env, DefaultBaseUrl).ToString().TrimEnd('/');
        if (baseUrl.EndsWith("/v1", StringComparison.Ordinal))
        {
            baseUrl = baseUrl[..^3];
        }

        var keyEnv = string.IsNullOrWhiteSpace(candidate.ApiKeyEnv) ? DefaultKeyEnv : candidate.ApiKeyEnv;
        var key = env(keyEnv);
        if (string.IsNullOrEmpty(key))
        {
            if (baseUrl.Equals(DefaultBaseUrl, StringComparison.OrdinalIgnoreCase))
            {
                throw CandidateEnvironment.Error(candidate, $"no API key: set {keyEnv} (or name another variable with api_key_env)");
            }

            key = PlaceholderKey;
        }

        var client = new AnthropicClient
        {
            ApiKey = key,
            BaseUrl = baseUrl,
            MaxRetries = 0,
            Timeout = feature.Run.Timeout,
            HttpClient = httpClient,
        };
        var maxTokens = candidate.Settings.MaxTokens ?? DefaultMaxTokens;
        var chat = new AnthropicSamplingChatClient(client.AsIChatClient(model, maxTokens), model, maxTokens);
        return new ProviderErrorMappingChatClient(chat, candidate.Provider, keyEnv, time);
    }
}
