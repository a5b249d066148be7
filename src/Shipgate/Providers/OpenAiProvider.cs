using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>
/// <c>openai:&lt;model&gt;</c>: any OpenAI-compatible chat-completions endpoint through the official SDK, with the
/// SDK's own retries off (the runner owns retries). With <c>options.api_version</c> it speaks Azure OpenAI instead:
/// <c>{base_url}/openai/deployments/{model}/chat/completions?api-version=...</c> with an <c>api-key</c> header.
/// </summary>
internal static class OpenAiProvider
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";
    public const string DefaultKeyEnv = "OPENAI_API_KEY";
    public const string AzureKeyEnv = "AZURE_OPENAI_API_KEY";

    /// <summary>Candidate option naming the token-limit field (docs/providers.md).</summary>
    public const string TokenLimitFieldOption = "max_tokens_field";

    /// <summary>Sent when a custom endpoint (Ollama, vLLM, a gateway) needs no key; the SDK insists on one.</summary>
    private const string PlaceholderKey = "no-key";

    public static IChatClient Create(CandidateSpec candidate, FeatureSpec feature, Func<string, string?> env, HttpClient? httpClient, TimeProvider time)
    {
        var model = candidate.Target.Trim();
        if (model.Length == 0)
        {
            throw CandidateEnvironment.Error(candidate, "the model name is missing (write openai:<model>, e.g. openai:gpt-4o-mini)");
        }

        candidate.Options.TryGetValue("api_version", out var apiVersion);
        var azure = !string.IsNullOrWhiteSpace(apiVersion);
        if (azure && string.IsNullOrWhiteSpace(candidate.BaseUrl))
        {
            throw CandidateEnvironment.Error(candidate, "options.api_version selects Azure OpenAI, which needs base_url (https://<resource>.openai.azure.com)");
        }

        var baseUrl = CandidateEnvironment.BaseUrl(candidate, env, DefaultBaseUrl);
        var keyEnv = string.IsNullOrWhiteSpace(candidate.ApiKeyEnv) ? (azure ? AzureKeyEnv : DefaultKeyEnv) : candidate.ApiKeyEnv;
        var key = env(keyEnv);
        if (string.IsNullOrEmpty(key))
        {
            if (azure || IsOfficialEndpoint(baseUrl))
            {
                throw CandidateEnvironment.Error(candidate, $"no API key: set {keyEnv} (or name another variable with api_key_env)");
            }

            key = PlaceholderKey;
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = baseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = feature.Run.Timeout,

            // The SDK's own request logging costs CPU on every call and Shipgate records calls itself.
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false },
        };
        if (httpClient is not null)
        {
            options.Transport = new HttpClientPipelineTransport(httpClient);
        }

        if (azure)
        {
            options.AddPolicy(new AzureOpenAiPolicy(model, apiVersion!, key), PipelinePosition.BeforeTransport);
        }

        if (TokenLimitField(candidate, baseUrl, azure) == MaxTokensFieldPolicy.LegacyField)
        {
            options.AddPolicy(new MaxTokensFieldPolicy(), PipelinePosition.PerCall);
        }

        IChatClient client = new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
        return new ProviderErrorMappingChatClient(client, candidate.Provider, keyEnv, time);
    }

    /// <summary>
    /// The request field that carries <c>max_tokens</c>: <c>options.max_tokens_field</c> when set, else
    /// <c>max_completion_tokens</c> for OpenAI and Azure OpenAI and <c>max_tokens</c> for every other base URL.
    /// </summary>
    internal static string TokenLimitField(CandidateSpec candidate, Uri baseUrl, bool azure)
    {
        if (candidate.Options.TryGetValue(TokenLimitFieldOption, out var field) && !string.IsNullOrWhiteSpace(field))
        {
            return field.Trim() is MaxTokensFieldPolicy.LegacyField or MaxTokensFieldPolicy.CurrentField
                ? field.Trim()
                : throw CandidateEnvironment.Error(candidate, $"options.{TokenLimitFieldOption} must be {MaxTokensFieldPolicy.LegacyField} or {MaxTokensFieldPolicy.CurrentField}, got '{field}'");
        }

        return azure || IsOfficialEndpoint(baseUrl) ? MaxTokensFieldPolicy.CurrentField : MaxTokensFieldPolicy.LegacyField;
    }

    private static bool IsOfficialEndpoint(Uri uri) => uri.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);
}
