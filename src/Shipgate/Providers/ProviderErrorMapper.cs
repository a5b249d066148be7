using System.ClientModel;
using Anthropic.Exceptions;

namespace Shipgate.Providers;

/// <summary>Turns whatever an SDK threw into a <see cref="ProviderException"/> the runner can act on.</summary>
internal static class ProviderErrorMapper
{
    private const int MaxDetailLength = 300;

    /// <param name="providerId">Candidate provider id, e.g. <c>openai:gpt-4o-mini</c>.</param>
    /// <param name="ex">What the SDK threw (never the caller's own cancellation).</param>
    /// <param name="captured">Retry-After headers seen by <see cref="ResponseHeaderCapture"/>, if any.</param>
    /// <param name="keyHint">Names the key variable for auth errors, e.g. <c>OPENAI_API_KEY</c>.</param>
    public static ProviderException Map(string providerId, Exception ex, ResponseHeaderCapture.Scope? captured, string? keyHint, DateTimeOffset now)
    {
        switch (ex)
        {
            case ProviderException pe:
                return pe;

            case ClientResultException cre when cre.Status > 0:
            {
                var headers = cre.GetRawResponse()?.Headers;
                string? retryAfter = null, retryAfterMs = null;
                headers?.TryGetValue("Retry-After", out retryAfter);
                headers?.TryGetValue("retry-after-ms", out retryAfterMs);
                return FromStatus(providerId, cre.Status, Detail(cre.Message), RetryAfterParser.Parse(retryAfter, retryAfterMs, now), keyHint, ex);
            }

            case ClientResultException cre:
                // Status 0: no response at all (connection refused, reset, DNS).
                return new ProviderException(providerId, ProviderErrorKind.Unavailable,
                    $"{providerId}: could not reach the endpoint: {Detail(cre.InnerException?.Message ?? cre.Message)}", inner: ex);

            case AnthropicApiException aae:
                return FromStatus(providerId, (int)aae.StatusCode, Detail(aae.ApiMessage ?? aae.Message),
                    RetryAfterParser.Parse(captured?.RetryAfter, captured?.RetryAfterMs, now), keyHint, ex);

            case AnthropicIOException aio when aio.InnerException is { } inner && IsTimeout(inner):
            case TimeoutException:
            case OperationCanceledException:
                return new ProviderException(providerId, ProviderErrorKind.Timeout, $"{providerId}: the request timed out", inner: ex);

            case AnthropicIOException aio:
                return new ProviderException(providerId, ProviderErrorKind.Unavailable,
                    $"{providerId}: could not reach the endpoint: {Detail(aio.InnerException?.Message ?? aio.Message)}", inner: ex);

            case HttpRequestException hre when hre.StatusCode is { } code:
                return FromStatus(providerId, (int)code, Detail(hre.Message), RetryAfterParser.Parse(captured?.RetryAfter, captured?.RetryAfterMs, now), keyHint, ex);

            case HttpRequestException or IOException:
                return new ProviderException(providerId, ProviderErrorKind.Unavailable, $"{providerId}: could not reach the endpoint: {Detail(ex.Message)}", inner: ex);

            default:
                if (ex.InnerException is { } innerEx && (innerEx is HttpRequestException or IOException or OperationCanceledException or TimeoutException))
                {
                    return Map(providerId, innerEx, captured, keyHint, now);
                }

                return new ProviderException(providerId, ProviderErrorKind.Other, $"{providerId}: {ex.GetType().Name}: {Detail(ex.Message)}", inner: ex);
        }
    }

    public static ProviderException FromStatus(string providerId, int status, string detail, TimeSpan? retryAfter, string? keyHint, Exception? inner = null)
    {
        var kind = status switch
        {
            401 or 403 => ProviderErrorKind.Auth,
            408 => ProviderErrorKind.Timeout,
            429 => ProviderErrorKind.RateLimited,
            >= 500 => ProviderErrorKind.Unavailable,
            >= 400 => ProviderErrorKind.BadRequest,
            _ => ProviderErrorKind.Other,
        };
        var what = kind switch
        {
            ProviderErrorKind.Auth => keyHint is null ? "authentication failed" : $"authentication failed (check the key in {keyHint})",
            ProviderErrorKind.RateLimited => retryAfter is { } ra ? $"rate limited (server asks to retry after {ra.TotalSeconds:0.###} s)" : "rate limited",
            ProviderErrorKind.Unavailable => "server error",
            ProviderErrorKind.BadRequest => "the request was rejected (check the model name and settings)",
            ProviderErrorKind.Timeout => "the server timed out the request",
            _ => "unexpected status",
        };
        var message = string.IsNullOrEmpty(detail) ? $"{providerId}: HTTP {status} {what}" : $"{providerId}: HTTP {status} {what}: {detail}";
        return new ProviderException(providerId, kind, message, status, retryAfter, inner);
    }

    private static bool IsTimeout(Exception ex) => ex is TimeoutException or OperationCanceledException || ex.InnerException is TimeoutException;

    /// <summary>The first meaningful line(s) of a server message, bounded so error output stays readable.</summary>
    private static string Detail(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }

        var flat = string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= MaxDetailLength ? flat : flat[..MaxDetailLength] + "...";
    }
}
