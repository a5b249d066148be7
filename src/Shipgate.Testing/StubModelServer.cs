using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shipgate.Testing;

/// <summary>
/// An OpenAI-compatible and Anthropic-style model server over real HTTP on 127.0.0.1, for tests and benchmarks.
/// Answers deterministically (default <c>"Echo: " + last user message</c>), counts tokens as whitespace-separated
/// words (<see cref="StubTokenCounter"/>), and can be scripted to fail: queued <see cref="StubFault"/>s are consumed
/// one per request, then <see cref="FaultRule"/> is asked.
/// </summary>
/// <remarks>
/// Endpoints: <c>POST /v1/chat/completions</c>, <c>POST /openai/deployments/{name}/chat/completions</c> (Azure style),
/// <c>POST /v1/messages</c>, <c>GET /v1/models</c>. No authentication is enforced; the headers are recorded.
/// </remarks>
public sealed class StubModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StubServerOptions _options;
    private readonly ConcurrentQueue<StubFault> _faults = new();
    private readonly List<StubRequest> _requests = [];
    private readonly Lock _requestsLock = new();
    private int _requestCount;
    private long _responseIds;

    private StubModelServer(WebApplication app, StubServerOptions options)
    {
        _app = app;
        _options = options;
        Responder = options.Responder ?? DefaultResponder;
        FaultRule = options.FaultRule;
    }

    /// <summary>Base URL including <c>/v1</c>, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Server root without <c>/v1</c>, e.g. <c>http://127.0.0.1:41234</c> (what the Anthropic SDK calls its base URL).</summary>
    public string RootUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Produces the answer text; can be replaced while running.</summary>
    public Func<StubRequest, string> Responder { get; set; }

    /// <summary>Per-request fault hook used when the queue is empty; can be replaced while running.</summary>
    public Func<StubRequest, StubFault?>? FaultRule { get; set; }

    /// <summary>Chat requests received (counted even when the request log is off).</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Snapshot of the chat requests received, in arrival order (empty when logging is off).</summary>
    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_requestsLock)
            {
                return [.. _requests];
            }
        }
    }

    public static string DefaultResponder(StubRequest request) => "Echo: " + request.LastUserMessage;

    public static async Task<StubModelServer> StartAsync(StubServerOptions? options = null, CancellationToken ct = default)
    {
        options ??= new StubServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var server = new StubModelServer(app, options);
        server.Map(app);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        server.Port = uri.Port;
        server.RootUrl = $"http://127.0.0.1:{uri.Port}";
        server.BaseUrl = server.RootUrl + "/v1";
        return server;
    }

    /// <summary>Queue faults; each request consumes one, in order, before <see cref="FaultRule"/> is consulted.</summary>
    public void EnqueueFaults(params StubFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Forget recorded requests and queued faults.</summary>
    public void Reset()
    {
        _faults.Clear();
        lock (_requestsLock)
        {
            _requests.Clear();
        }

        Interlocked.Exchange(ref _requestCount, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/chat/completions", ctx => HandleAsync(ctx, "openai"));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", ctx => HandleAsync(ctx, "openai"));
        app.MapPost("/v1/messages", ctx => HandleAsync(ctx, "anthropic"));
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = new[] { new { id = "stub-model", @object = "model", created = 0, owned_by = "shipgate" } },
        }));
    }

    private async Task HandleAsync(HttpContext ctx, string api)
    {
        var ct = ctx.RequestAborted;
        try
        {
            var body = await ReadBodyAsync(ctx.Request, ct);
            var headers = ctx.Request.Headers;
            var authorization = headers.Authorization.Count > 0 ? headers.Authorization.ToString() : null;
            var apiKey = headers.TryGetValue("x-api-key", out var x) ? x.ToString() : headers.TryGetValue("api-key", out var a) ? a.ToString() : null;
            StubRequest request;
            try
            {
                request = StubRequestParser.Parse(api, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value, body, authorization, apiKey, _options.TimeProvider.GetUtcNow());
            }
            catch (System.Text.Json.JsonException)
            {
                await StubResponseWriter.WriteErrorAsync(ctx.Response, api, 400, ct);
                return;
            }

            if (request.Model is null && ctx.Request.RouteValues.TryGetValue("deployment", out var deployment))
            {
                request = request with { Model = deployment?.ToString() };
            }

            Interlocked.Increment(ref _requestCount);
            if (_options.LogRequests)
            {
                lock (_requestsLock)
                {
                    _requests.Add(request);
                }
            }

            if (_options.RejectedFields.FirstOrDefault(f => StubRequestParser.HasField(body, f)) is { } rejected)
            {
                await StubResponseWriter.WriteErrorAsync(ctx.Response, api, 400, ct, $"Unrecognized request argument supplied: {rejected}", rejected);
                return;
            }

            var fault = _faults.TryDequeue(out var queued) ? queued : FaultRule?.Invoke(request);

            if (_options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_options.Latency, ct);
            }

            if (fault is not null)
            {
                if (fault.Pause > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Pause, ct);
                }

                if (fault.Abort)
                {
                    ctx.Abort();
                    return;
                }

                foreach (var (name, value) in fault.Headers)
                {
                    ctx.Response.Headers[name] = value;
                }

                if (fault.StatusCode is { } status)
                {
                    if (fault.RetryAfter is not null)
                    {
                        ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                    }

                    await StubResponseWriter.WriteErrorAsync(ctx.Response, api, status, ct);
                    return;
                }
            }

            var text = Responder(request);
            var prompt = StubTokenCounter.Count(request.Messages);
            var cached = Math.Min(prompt, _options.CachedTokens?.Invoke(request) ?? 0);
            var usage = new StubResponseWriter.Usage(prompt, StubTokenCounter.Count(text), cached);
            var n = Interlocked.Increment(ref _responseIds).ToString(CultureInfo.InvariantCulture);
            if (api == "anthropic")
            {
                await StubResponseWriter.WriteAnthropicAsync(ctx.Response, request, "msg_stub_" + n, text, usage, ct);
            }
            else
            {
                await StubResponseWriter.WriteOpenAiAsync(ctx.Response, request, "chatcmpl-stub-" + n, text, usage, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away (timeout or cancellation): nothing to answer.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length and < 16 * 1024 * 1024)
        {
            var bytes = new byte[length];
            await request.Body.ReadExactlyAsync(bytes, ct);
            return bytes;
        }

        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
