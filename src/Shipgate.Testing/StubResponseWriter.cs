using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Shipgate.Testing;

/// <summary>Writes OpenAI- and Anthropic-shaped bodies (JSON or SSE) straight to the response with Utf8JsonWriter.</summary>
internal static class StubResponseWriter
{
    private static readonly byte[] s_dataPrefix = "data: "u8.ToArray();
    private static readonly byte[] s_eventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] s_done = "data: [DONE]\n\n"u8.ToArray();

    public readonly record struct Usage(long Prompt, long Completion, long Cached);

    public static async Task WriteOpenAiAsync(HttpResponse response, StubRequest request, string id, string text, Usage usage, CancellationToken ct)
    {
        var model = request.Model ?? "stub";
        var created = request.ArrivedAt.ToUnixTimeSeconds();
        var buffer = new ArrayBufferWriter<byte>(512);
        if (!request.Stream)
        {
            response.ContentType = "application/json";
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                WriteChunkHeader(w, id, "chat.completion", created, model);
                w.WriteStartArray("choices");
                w.WriteStartObject();
                w.WriteNumber("index", 0);
                w.WriteStartObject("message");
                w.WriteString("role", "assistant");
                w.WriteString("content", text);
                w.WriteEndObject();
                w.WriteString("finish_reason", "stop");
                w.WriteEndObject();
                w.WriteEndArray();
                WriteOpenAiUsage(w, usage);
                w.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.WrittenMemory, ct);
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var first = true;
        foreach (var piece in Pieces(text))
        {
            buffer.ResetWrittenCount();
            WriteOpenAiDelta(buffer, id, created, model, first ? "assistant" : null, piece, finishReason: null);
            first = false;
            await WriteEventAsync(response, buffer, ct);
        }

        buffer.ResetWrittenCount();
        WriteOpenAiDelta(buffer, id, created, model, first ? "assistant" : null, null, "stop");
        await WriteEventAsync(response, buffer, ct);

        if (request.IncludeUsage)
        {
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                WriteChunkHeader(w, id, "chat.completion.chunk", created, model);
                w.WriteStartArray("choices");
                w.WriteEndArray();
                WriteOpenAiUsage(w, usage);
                w.WriteEndObject();
            }

            await WriteEventAsync(response, buffer, ct);
        }

        await response.Body.WriteAsync(s_done, ct);
        await response.Body.FlushAsync(ct);
    }

    public static async Task WriteAnthropicAsync(HttpResponse response, StubRequest request, string id, string text, Usage usage, CancellationToken ct)
    {
        var model = request.Model ?? "stub";
        var buffer = new ArrayBufferWriter<byte>(512);
        if (!request.Stream)
        {
            response.ContentType = "application/json";
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("type", "message");
                w.WriteString("role", "assistant");
                w.WriteString("model", model);
                w.WriteStartArray("content");
                w.WriteStartObject();
                w.WriteString("type", "text");
                w.WriteString("text", text);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("stop_reason", "end_turn");
                w.WriteNull("stop_sequence");
                WriteAnthropicUsage(w, usage, usage.Completion);
                w.WriteEndObject();
            }

            await response.Body.WriteAsync(buffer.WrittenMemory, ct);
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        await WriteAnthropicEventAsync(response, buffer, "message_start", w =>
        {
            w.WriteString("type", "message_start");
            w.WriteStartObject("message");
            w.WriteString("id", id);
            w.WriteString("type", "message");
            w.WriteString("role", "assistant");
            w.WriteString("model", model);
            w.WriteStartArray("content");
            w.WriteEndArray();
            w.WriteNull("stop_reason");
            w.WriteNull("stop_sequence");
            WriteAnthropicUsage(w, usage, 1);
            w.WriteEndObject();
        }, ct);

        await WriteAnthropicEventAsync(response, buffer, "content_block_start", w =>
        {
            w.WriteString("type", "content_block_start");
            w.WriteNumber("index", 0);
            w.WriteStartObject("content_block");
            w.WriteString("type", "text");
            w.WriteString("text", "");
            w.WriteEndObject();
        }, ct);

        foreach (var piece in Pieces(text))
        {
            await WriteAnthropicEventAsync(response, buffer, "content_block_delta", w =>
            {
                w.WriteString("type", "content_block_delta");
                w.WriteNumber("index", 0);
                w.WriteStartObject("delta");
                w.WriteString("type", "text_delta");
                w.WriteString("text", piece);
                w.WriteEndObject();
            }, ct);
        }

        await WriteAnthropicEventAsync(response, buffer, "content_block_stop", w =>
        {
            w.WriteString("type", "content_block_stop");
            w.WriteNumber("index", 0);
        }, ct);

        await WriteAnthropicEventAsync(response, buffer, "message_delta", w =>
        {
            w.WriteString("type", "message_delta");
            w.WriteStartObject("delta");
            w.WriteString("stop_reason", "end_turn");
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            w.WriteStartObject("usage");
            w.WriteNumber("output_tokens", usage.Completion);
            w.WriteEndObject();
        }, ct);

        await WriteAnthropicEventAsync(response, buffer, "message_stop", w => w.WriteString("type", "message_stop"), ct);
    }

    /// <summary>An error in the shape of the API that was called (OpenAI <c>{"error":{...}}</c> or Anthropic <c>{"type":"error",...}</c>).</summary>
    public static async Task WriteErrorAsync(HttpResponse response, string api, int status, CancellationToken ct, string? customMessage = null, string? param = null)
    {
        var (type, standardMessage) = status switch
        {
            400 => ("invalid_request_error", "Bad request (stub fault)."),
            401 => ("authentication_error", "Incorrect API key provided (stub fault)."),
            403 => ("permission_error", "Permission denied (stub fault)."),
            404 => ("not_found_error", "Model not found (stub fault)."),
            429 => ("rate_limit_error", "Rate limit reached (stub fault)."),
            503 or 529 => ("overloaded_error", "Service overloaded (stub fault)."),
            _ => ("api_error", $"Server error {status} (stub fault)."),
        };
        var message = customMessage ?? standardMessage;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (api == "anthropic")
            {
                w.WriteString("type", "error");
                w.WriteStartObject("error");
                w.WriteString("type", type);
                w.WriteString("message", message);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("message", message);
                w.WriteString("type", type);
                if (param is null)
                {
                    w.WriteNull("param");
                }
                else
                {
                    w.WriteString("param", param);
                }

                w.WriteString("code", status == 401 ? "invalid_api_key" : type);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }

    /// <summary>Splits text into streamed pieces: each word with the whitespace that follows it.</summary>
    internal static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1])))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static void WriteChunkHeader(Utf8JsonWriter w, string id, string obj, long created, string model)
    {
        w.WriteString("id", id);
        w.WriteString("object", obj);
        w.WriteNumber("created", created);
        w.WriteString("model", model);
    }

    private static void WriteOpenAiDelta(ArrayBufferWriter<byte> buffer, string id, long created, string model, string? role, string? content, string? finishReason)
    {
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartObject();
        WriteChunkHeader(w, id, "chat.completion.chunk", created, model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        if (role is not null)
        {
            w.WriteString("role", role);
        }

        if (content is not null)
        {
            w.WriteString("content", content);
        }

        w.WriteEndObject();
        if (finishReason is null)
        {
            w.WriteNull("finish_reason");
        }
        else
        {
            w.WriteString("finish_reason", finishReason);
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOpenAiUsage(Utf8JsonWriter w, Usage usage)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", usage.Prompt);
        w.WriteNumber("completion_tokens", usage.Completion);
        w.WriteNumber("total_tokens", usage.Prompt + usage.Completion);
        w.WriteStartObject("prompt_tokens_details");
        w.WriteNumber("cached_tokens", usage.Cached);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Anthropic's input_tokens excludes cache reads, which are reported separately.</summary>
    private static void WriteAnthropicUsage(Utf8JsonWriter w, Usage usage, long outputTokens)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", Math.Max(0, usage.Prompt - usage.Cached));
        w.WriteNumber("output_tokens", outputTokens);
        w.WriteNumber("cache_creation_input_tokens", 0);
        w.WriteNumber("cache_read_input_tokens", usage.Cached);
        w.WriteEndObject();
    }

    private static async Task WriteEventAsync(HttpResponse response, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        await response.Body.WriteAsync(s_dataPrefix, ct);
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
        await response.Body.WriteAsync(s_eventEnd, ct);
        await response.Body.FlushAsync(ct);
    }

    private static async Task WriteAnthropicEventAsync(HttpResponse response, ArrayBufferWriter<byte> buffer, string name, Action<Utf8JsonWriter> body, CancellationToken ct)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        await response.WriteAsync("event: " + name + "\n", ct);
        await WriteEventAsync(response, buffer, ct);
    }
}
