using System.ClientModel.Primitives;

namespace Shipgate.Providers;

/// <summary>
/// Rewrites OpenAI-style requests for Azure OpenAI's classic API: the deployment goes in the path, the version in
/// the query, and the key in <c>api-key</c> instead of <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class AzureOpenAiPolicy(string deployment, string apiVersion, string apiKey) : RequestRewritePolicy
{
    protected override void Rewrite(PipelineMessage message)
    {
        var request = message.Request;
        if (request.Uri is { } uri)
        {
            var path = uri.AbsolutePath;
            const string Operation = "/chat/completions";
            var prefix = path.EndsWith(Operation, StringComparison.Ordinal) ? path[..^Operation.Length] : path.TrimEnd('/');
            var builder = new UriBuilder(uri)
            {
                Path = $"{prefix}/openai/deployments/{Uri.EscapeDataString(deployment)}{Operation}",
                Query = "api-version=" + Uri.EscapeDataString(apiVersion),
            };
            request.Uri = builder.Uri;
        }

        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", apiKey);
    }
}
