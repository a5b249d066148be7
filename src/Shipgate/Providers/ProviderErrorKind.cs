namespace Shipgate.Providers;

/// <summary>Why a provider call failed, in terms the runner acts on.</summary>
public enum ProviderErrorKind
{
    /// <summary>401/403: stop the whole run, retrying cannot help.</summary>
    Auth,
    /// <summary>429: retry, honouring Retry-After.</summary>
    RateLimited,
    /// <summary>5xx or connection failure: retry with backoff (503 honours Retry-After).</summary>
    Unavailable,
    /// <summary>The attempt exceeded its timeout: retry.</summary>
    Timeout,
    /// <summary>400/404/422 and similar: the request is wrong; recorded as an error, not retried.</summary>
    BadRequest,
    /// <summary>Anything else (exec provider exit code, unreadable replay line...): recorded, not retried.</summary>
    Other,
}
