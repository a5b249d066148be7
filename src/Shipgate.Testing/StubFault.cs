namespace Shipgate.Testing;

/// <summary>
/// What the stub does instead of (or before) answering: an error status, a delay, or a dropped connection.
/// Queue them with <see cref="StubModelServer.EnqueueFaults"/> (one consumed per request) or return one from
/// <see cref="StubModelServer.FaultRule"/>.
/// </summary>
public sealed record StubFault
{
    /// <summary>HTTP status to answer with; null means answer normally (after <see cref="Pause"/>).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Raw <c>Retry-After</c> header value (seconds or an HTTP-date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Wait before doing anything else; honours the client going away.</summary>
    public TimeSpan Pause { get; init; }

    /// <summary>Close the connection without a response (the client sees a network error).</summary>
    public bool Abort { get; init; }

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Answer with <paramref name="statusCode"/> and an API-style error body; <c>Retry-After</c> when given.</summary>
    public static StubFault Status(int statusCode, int? retryAfterSeconds = null) => new()
    {
        StatusCode = statusCode,
        RetryAfter = retryAfterSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Answer with <paramref name="statusCode"/> and a raw <c>Retry-After</c> value (e.g. an HTTP-date).</summary>
    public static StubFault Status(int statusCode, string retryAfter) => new() { StatusCode = statusCode, RetryAfter = retryAfter };

    /// <summary>Wait, then answer normally (or until the client gives up).</summary>
    public static StubFault Delay(TimeSpan delay) => new() { Pause = delay };

    /// <summary>Drop the connection without answering.</summary>
    public static StubFault Disconnect() => new() { Abort = true };
}
