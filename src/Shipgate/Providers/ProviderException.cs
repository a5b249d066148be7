namespace Shipgate.Providers;

/// <summary>A provider failure mapped from whatever the SDK or process threw, so the runner can decide to retry or stop.</summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string providerId, ProviderErrorKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        ProviderId = providerId;
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public string ProviderId { get; }
    public ProviderErrorKind Kind { get; }
    public int? StatusCode { get; }

    /// <summary>Server-requested wait (Retry-After / retry-after-ms), when sent.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsRetryable => Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.Unavailable or ProviderErrorKind.Timeout;
}
