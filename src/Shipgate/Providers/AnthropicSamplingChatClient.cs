using System.Text.Json;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// The Anthropic SDK's typed request has no temperature/top_p (the MEAI adapter drops them silently), so this
/// sends them as raw body fields through <see cref="ChatOptions.RawRepresentationFactory"/>; the adapter fills in
/// everything else. Seed has no Anthropic equivalent and is not sent.
/// </summary>
internal sealed class AnthropicSamplingChatClient(IChatClient inner, string defaultModel, int defaultMaxTokens) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithSampling(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithSampling(options), cancellationToken);

    private ChatOptions? WithSampling(ChatOptions? options)
    {
        if (options is null || (options.Temperature is null && options.TopP is null) || options.RawRepresentationFactory is not null)
        {
            return options;
        }

        var body = new Dictionary<string, JsonElement>
        {
            // Required members must be present for the SDK's accessors; the adapter overwrites them.
            ["messages"] = JsonSerializer.SerializeToElement(Array.Empty<object>()),
            ["model"] = JsonSerializer.SerializeToElement(options.ModelId ?? defaultModel),
            ["max_tokens"] = JsonSerializer.SerializeToElement(options.MaxOutputTokens ?? defaultMaxTokens),
        };
        if (options.Temperature is { } t)
        {
            body["temperature"] = JsonSerializer.SerializeToElement((double)t);
        }

        if (options.TopP is { } p)
        {
            body["top_p"] = JsonSerializer.SerializeToElement((double)p);
        }

        var copy = options.Clone();
        copy.RawRepresentationFactory = _ => MessageCreateParams.FromRawUnchecked(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
        return copy;
    }
}
