namespace Shipgate.Testing;

/// <summary>How a <see cref="StubModelServer"/> behaves. Every default gives a fast, deterministic echo server.</summary>
public sealed class StubServerOptions
{
    /// <summary>Port to bind on 127.0.0.1; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Added before every response (default none). Applied with <c>Task.Delay</c>.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Produces the answer text. Default: <c>"Echo: " + last user message</c>.</summary>
    public Func<StubRequest, string>? Responder { get; set; }

    /// <summary>Per-request fault hook, consulted when the fault queue is empty; return null to answer normally.</summary>
    public Func<StubRequest, StubFault?>? FaultRule { get; set; }

    /// <summary>Prompt tokens to report as cached (OpenAI <c>cached_tokens</c>, Anthropic <c>cache_read_input_tokens</c>). Default 0.</summary>
    public Func<StubRequest, long>? CachedTokens { get; set; }

    /// <summary>
    /// Top-level request fields the server does not know (default none): a request carrying one is answered 400
    /// "Unrecognized request argument supplied: NAME", as older OpenAI-compatible servers do for <c>max_completion_tokens</c>.
    /// </summary>
    public IReadOnlyList<string> RejectedFields { get; set; } = [];

    /// <summary>Keep every request in <see cref="StubModelServer.Requests"/> (default true; benchmarks turn it off).</summary>
    public bool LogRequests { get; set; } = true;

    /// <summary>Time source for <see cref="StubRequest.ArrivedAt"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
