using System.Text;
using System.Text.Json;

namespace Shipgate.Testing;

/// <summary>Reads OpenAI chat-completions and Anthropic messages bodies into a <see cref="StubRequest"/>.</summary>
internal static class StubRequestParser
{
    public static StubRequest Parse(string api, string path, string? query, byte[] body, string? authorization, string? apiKey, DateTimeOffset arrivedAt)
    {
        var messages = new List<StubMessage>();
        string? model = null;
        double? temperature = null, topP = null;
        int? maxTokens = null;
        long? seed = null;
        var stop = new List<string>();
        bool stream = false, includeUsage = false;

        if (body.Length > 0)
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                model = GetString(root, "model");
                temperature = GetDouble(root, "temperature");
                topP = GetDouble(root, "top_p");
                maxTokens = GetInt(root, "max_completion_tokens") ?? GetInt(root, "max_tokens");
                seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
                stream = root.TryGetProperty("stream", out var st) && st.ValueKind == JsonValueKind.True;
                includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
                    && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
                ReadStop(root, api == "anthropic" ? "stop_sequences" : "stop", stop);

                if (api == "anthropic" && root.TryGetProperty("system", out var system))
                {
                    messages.Add(new StubMessage("system", Flatten(system)));
                }

                if (root.TryGetProperty("messages", out var msgs) && msgs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var m in msgs.EnumerateArray())
                    {
                        if (m.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        var role = GetString(m, "role") ?? "";
                        var content = m.TryGetProperty("content", out var c) ? Flatten(c) : "";
                        messages.Add(new StubMessage(role, content));
                    }
                }
            }
        }

        return new StubRequest
        {
            Api = api,
            Path = path,
            Query = query,
            Model = model,
            Messages = messages,
            Temperature = temperature,
            TopP = topP,
            MaxTokens = maxTokens,
            Seed = seed,
            Stop = stop,
            Stream = stream,
            IncludeUsage = includeUsage,
            Authorization = authorization,
            ApiKey = apiKey,
            ArrivedAt = arrivedAt,
            Body = Encoding.UTF8.GetString(body),
        };
    }

    /// <summary>True when the body is a JSON object with a top-level <paramref name="name"/>.</summary>
    public static bool HasField(byte[] body, string name)
    {
        if (body.Length == 0)
        {
            return false;
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out _);
    }

    private static void ReadStop(JsonElement root, string name, List<string> stop)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            stop.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    stop.Add(item.GetString()!);
                }
            }
        }
    }

    /// <summary>Content is a string or an array of parts/blocks; only text parts count.</summary>
    private static string Flatten(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && GetString(part, "text") is { } text)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(text);
            }
        }

        return sb.ToString();
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? GetDouble(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int? GetInt(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
