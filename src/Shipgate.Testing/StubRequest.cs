namespace Shipgate.Testing;

/// <summary>
/// A chat request as the stub saw it. <see cref="Api"/> is <c>openai</c> for <c>/v1/chat/completions</c> (and the
/// Azure-style deployment path) or <c>anthropic</c> for <c>/v1/messages</c>.
/// </summary>
public sealed record StubRequest
{
    public required string Api { get; init; }
    public required string Path { get; init; }
    public string? Query { get; init; }
    public string? Model { get; init; }
    public IReadOnlyList<StubMessage> Messages { get; init; } = [];
    public double? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public double? TopP { get; init; }
    public long? Seed { get; init; }
    public IReadOnlyList<string> Stop { get; init; } = [];
    public bool Stream { get; init; }

    /// <summary>OpenAI <c>stream_options.include_usage</c>.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>The <c>Authorization</c> header, if sent.</summary>
    public string? Authorization { get; init; }

    /// <summary>The <c>x-api-key</c> (Anthropic) or <c>api-key</c> (Azure) header, if sent.</summary>
    public string? ApiKey { get; init; }

    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The request body as received (UTF-8 JSON).</summary>
    public string Body { get; init; } = "";

    /// <summary>Content of the last <c>user</c> message, or empty.</summary>
    public string LastUserMessage
    {
        get
        {
            for (var i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].Role == "user")
                {
                    return Messages[i].Content;
                }
            }

            return "";
        }
    }
}
