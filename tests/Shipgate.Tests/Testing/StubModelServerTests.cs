using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Shipgate.Testing;

namespace Shipgate.Tests.Testing;

public sealed class StubModelServerTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Messages_Streaming_SendsAnthropicEventsWithUsage()
    {
        await using var server = await StubModelServer.StartAsync();
        using var http = new HttpClient();

        var body = await (await http.PostAsync(server.BaseUrl + "/messages",
            Json("""{"model":"m","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"a b"}]}"""))).Content.ReadAsStringAsync();

        var events = body.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        Assert.Equal("message_start", events[0]);
        Assert.Contains("content_block_delta", events);
        Assert.Equal(["message_delta", "message_stop"], events[^2..]);
        Assert.Contains("\"output_tokens\":3", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_FaultQueue_IsConsumedInOrderThenAnswersNormally()
    {
        await using var server = await StubModelServer.StartAsync(new StubServerOptions { Responder = r => "custom " + r.Model });
        server.EnqueueFaults(StubFault.Status(429, retryAfterSeconds: 7), StubFault.Status(401));
        using var http = new HttpClient();
        const string Request = """{"model":"m1","messages":[{"role":"user","content":"x"}]}""";

        var first = await http.PostAsync(server.BaseUrl + "/chat/completions", Json(Request));
        var second = await http.PostAsync(server.BaseUrl + "/chat/completions", Json(Request));
        var third = await http.PostAsync(server.BaseUrl + "/chat/completions", Json(Request));

        Assert.Equal(429, (int)first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(401, (int)second.StatusCode);
        Assert.Contains("\"error\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("custom m1", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Requests_LoggingOff_CountsButKeepsNothing()
    {
        await using var server = await StubModelServer.StartAsync(new StubServerOptions { LogRequests = false });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        await http.PostAsync(server.BaseUrl + "/chat/completions", Json("""{"model":"m","messages":[]}"""));

        Assert.Equal(1, server.RequestCount);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Executable_PrintsBaseUrlAndServesUntilStdinCloses()
    {
        var dll = typeof(StubModelServer).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--port", "0", "--no-log" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.StartsWith("listening http://127.0.0.1:", line, StringComparison.Ordinal);
            var baseUrl = line!["listening ".Length..];
            using var http = new HttpClient();
            Assert.Contains("stub-model", await http.GetStringAsync(baseUrl + "/models"), StringComparison.Ordinal);

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
