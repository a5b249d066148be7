using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// Reads a usage object written by exec commands and replay files: <c>input_tokens</c>, <c>output_tokens</c>,
/// <c>cached_input_tokens</c> (OpenAI's <c>prompt_tokens</c>/<c>completion_tokens</c> are accepted too).
/// </summary>
internal static class UsageJson
{
    public static UsageDetails? Read(JsonElement usage)
    {
        var input = Long(usage, "input_tokens") ?? Long(usage, "prompt_tokens");
        var output = Long(usage, "output_tokens") ?? Long(usage, "completion_tokens");
        var cached = Long(usage, "cached_input_tokens") ?? Long(usage, "cached_tokens");
        if (input is null && output is null)
        {
            return null;
        }

        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            CachedInputTokenCount = cached,
            TotalTokenCount = (input ?? 0) + (output ?? 0),
        };
    }

    private static long? Long(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
