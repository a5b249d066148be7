using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// Base for providers that produce a whole answer at once (exec, replay, local): streaming yields that answer as
/// one update carrying the usage, so the runner's streaming path works unchanged.
/// </summary>
internal abstract class TextChatClient(string providerId) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(providerId.Split(':', 2)[0], defaultModelId: providerId);

    protected string ProviderId { get; } = providerId;

    public abstract Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public virtual void Dispose()
    {
    }

    protected static string LastUserText(IEnumerable<ChatMessage> messages) =>
        messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";

    protected static string? CaseId(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ProviderRequestKeys.CaseId, out var v) == true ? v?.ToString() : null;

    protected static int Repeat(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(ProviderRequestKeys.Repeat, out var v) != true || v is null)
        {
            return 0;
        }

        return v switch
        {
            int i => i,
            long l => (int)l,
            _ => int.TryParse(v.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0,
        };
    }

    protected static IEnumerable<KeyValuePair<string, string>> Vars(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(ProviderRequestKeys.Vars, out var v) != true || v is null)
        {
            return [];
        }

        return v switch
        {
            IEnumerable<KeyValuePair<string, string>> typed => typed,
            IEnumerable<KeyValuePair<string, object?>> loose => loose.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value?.ToString() ?? "")),
            _ => [],
        };
    }
}
