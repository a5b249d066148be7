using Microsoft.Extensions.AI;
using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

public sealed class ReplayChatClientTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env());

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private IChatClient Client(string file = "recorded.jsonl") =>
        _factory.Create(ProviderTestSpecs.Candidate("replay:" + file), ProviderTestSpecs.Feature(_dir.Path));

    private static ChatOptions For(string caseId, int? repeat = null)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ProviderRequestKeys.CaseId] = caseId } };
        if (repeat is { } r)
        {
            options.AdditionalProperties[ProviderRequestKeys.Repeat] = r;
        }

        return options;
    }

    private void WriteRecording() => _dir.Write("recorded.jsonl", """
        {"case_id": "refund", "output": "Within 30 days.", "latency_ms": 812, "usage": {"input_tokens": 40, "output_tokens": 5, "cached_input_tokens": 8}}
        {"case_id": "refund", "repeat": 1, "output": "Thirty days."}

        {"case_id": "hours", "repeat": 2, "output": "9 to 5."}
        """);

    [Fact]
    public async Task GetResponseAsync_RecordedCase_ReturnsOutputUsageAndLatency()
    {
        WriteRecording();

        var response = await Client().GetResponseAsync([new(ChatRole.User, "ignored")], For("refund"));

        Assert.Equal("Within 30 days.", response.Text);
        Assert.Equal(40, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.Equal(8, response.Usage?.CachedInputTokenCount);
        Assert.Equal(812.0, response.AdditionalProperties?[ProviderRequestKeys.LatencyMs]);
    }

    [Fact]
    public async Task GetResponseAsync_Repeat_PicksItsLineOrFallsBackToRepeatZero()
    {
        WriteRecording();
        var client = Client();

        Assert.Equal("Thirty days.", (await client.GetResponseAsync([], For("refund", 1))).Text);
        Assert.Equal("Within 30 days.", (await client.GetResponseAsync([], For("refund", 5))).Text);
        Assert.Equal("9 to 5.", (await client.GetResponseAsync([], For("hours", 0))).Text); // lowest recorded repeat
        Assert.Null((await client.GetResponseAsync([], For("refund", 1))).Usage);
    }

    [Fact]
    public async Task GetResponseAsync_CaseWithoutLine_ThrowsOtherNamingTheCase()
    {
        WriteRecording();

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync([], For("shipping")));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains("no line for case 'shipping'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedLine_ThrowsWithFileAndLine()
    {
        _dir.Write("recorded.jsonl", "{\"case_id\": \"a\", \"output\": \"x\"}\n{\"case_id\": \"b\"}\n");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync([], For("a")));

        Assert.Contains("recorded.jsonl:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"output\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_MissingFile_ThrowsOther()
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client("nope.jsonl").GetResponseAsync([], For("a")));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains("nope.jsonl does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_NoCaseId_ThrowsOther()
    {
        WriteRecording();

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client().GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Contains(ProviderRequestKeys.CaseId, ex.Message, StringComparison.Ordinal);
    }
}
