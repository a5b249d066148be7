namespace Shipgate.Providers;

/// <summary>
/// Remembers the Retry-After headers of a failed HTTP response for SDKs whose exceptions do not expose headers
/// (Anthropic). The error-mapping client opens a scope per call; the scope flows down to this handler through an
/// AsyncLocal, so concurrent calls never see each other's headers.
/// </summary>
internal sealed class ResponseHeaderCapture : DelegatingHandler
{
    private static readonly AsyncLocal<Scope?> s_current = new();

    public ResponseHeaderCapture(HttpMessageHandler inner) : base(inner) { }

    public static Scope Begin()
    {
        var scope = new Scope();
        s_current.Value = scope;
        return scope;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && s_current.Value is { } scope)
        {
            scope.RetryAfter = response.Headers.TryGetValues("Retry-After", out var ra) ? ra.FirstOrDefault() : null;
            scope.RetryAfterMs = response.Headers.TryGetValues("retry-after-ms", out var ms) ? ms.FirstOrDefault() : null;
        }

        return response;
    }

    internal sealed class Scope
    {
        public string? RetryAfter { get; set; }
        public string? RetryAfterMs { get; set; }
    }
}
