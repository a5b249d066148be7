using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace Shipgate.Providers;

/// <summary>
/// Sends the output-token limit as <c>max_tokens</c> instead of the SDK's <c>max_completion_tokens</c>. OpenAI itself
/// takes the newer field (its reasoning models refuse the old one), while many OpenAI-compatible servers (older vLLM,
/// llama.cpp, LM Studio, some gateways) know only <c>max_tokens</c> and answer 400 to the other.
/// </summary>
internal sealed class MaxTokensFieldPolicy : RequestRewritePolicy
{
    public const string LegacyField = "max_tokens";
    public const string CurrentField = "max_completion_tokens";

    protected override void Rewrite(PipelineMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || !body.TryGetPropertyValue(CurrentField, out var limit))
        {
            return;
        }

        body.Remove(CurrentField);
        body[LegacyField] = limit;
        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
