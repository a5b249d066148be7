using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Providers;

internal static class ModelSettingsExtensions
{
    /// <summary>
    /// The candidate's sampling settings as <see cref="ChatOptions"/>. Streaming is not an option here: the runner
    /// calls <c>GetStreamingResponseAsync</c> when <see cref="ModelSettings.Stream"/> is set (the OpenAI SDK then asks
    /// for <c>stream_options.include_usage</c> itself, so usage arrives in the last update).
    /// </summary>
    internal static ChatOptions ToChatOptions(this ModelSettings s, string modelId) => new()
    {
        ModelId = modelId,
        Temperature = s.Temperature,
        MaxOutputTokens = s.MaxTokens,
        TopP = s.TopP,
        Seed = s.Seed,
        StopSequences = s.Stop is { Count: > 0 } stop ? [.. stop] : null,
    };
}
