using System.Text.Json;
using Microsoft.Extensions.AI;
using Shipgate.Providers;

namespace Shipgate.Tests.Providers;

public sealed class ExecChatClientTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ProviderFactory _factory = new(ProviderTestSpecs.Env());

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private IChatClient Client(string commandLine) =>
        _factory.Create(ProviderTestSpecs.Candidate("exec:" + commandLine), ProviderTestSpecs.Feature(_dir.Path));

    private static ChatOptions Options(string caseId) => new()
    {
        ModelId = "my-model",
        Temperature = 0.2f,
        MaxOutputTokens = 50,
        AdditionalProperties = new()
        {
            [ProviderRequestKeys.CaseId] = caseId,
            [ProviderRequestKeys.Repeat] = 2,
            [ProviderRequestKeys.Vars] = new Dictionary<string, string> { ["question"] = "Why?" },
        },
    };

    [Fact]
    public async Task GetResponseAsync_JsonOutput_ReturnsOutputAndUsage()
    {
        _dir.Write("answer.sh", """
            cat > request.json
            printf '{"output": "forty two", "usage": {"input_tokens": 12, "output_tokens": 3}}\n'
            """);

        var response = await Client("bash answer.sh").GetResponseAsync([new(ChatRole.System, "sys"), new(ChatRole.User, "What is it?")], Options("case-1"));

        Assert.Equal("forty two", response.Text);
        Assert.Equal(12, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);

        // The command ran in the feature folder and got the documented request on stdin.
        using var request = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Path, "request.json")));
        var root = request.RootElement;
        Assert.Equal("my-model", root.GetProperty("model").GetString());
        Assert.Equal("case-1", root.GetProperty("case_id").GetString());
        Assert.Equal(2, root.GetProperty("repeat").GetInt32());
        Assert.Equal(50, root.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.2, root.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal("Why?", root.GetProperty("vars").GetProperty("question").GetString());
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        Assert.Equal("What is it?", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task GetResponseAsync_PlainTextOutput_ReturnsTextWithoutUsage()
    {
        var response = await Client("printf 'just text\\n'").GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal("just text", response.Text);
        Assert.Null(response.Usage);
    }

    [Fact]
    public async Task GetResponseAsync_JsonWithoutOutputKey_IsTreatedAsPlainText()
    {
        var response = await Client("""bash -c 'printf "{\"answer\": 1}"'""").GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal("{\"answer\": 1}", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_NonZeroExit_ThrowsOtherWithStderrTail()
    {
        _dir.Write("fail.sh", """
            echo "line one" >&2
            echo "model file missing" >&2
            exit 3
            """);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client("bash fail.sh").GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains("exited with code 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("model file missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_MissingProgram_ThrowsOtherNamingIt()
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(() => Client("./no-such-program --flag").GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(ProviderErrorKind.Other, ex.Kind);
        Assert.Contains("no-such-program", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Cancelled_KillsTheProcess()
    {
        _dir.Write("slow.sh", """
            echo $$ > pid.txt
            sleep 30
            """);
        using var cts = new CancellationTokenSource();
        var call = Client("bash slow.sh").GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: cts.Token);
        var pidFile = Path.Combine(_dir.Path, "pid.txt");
        for (var i = 0; i < 100 && !(File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0); i++)
        {
            await Task.Delay(50);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), "the script should be killed");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_YieldsTheWholeAnswerWithUsage()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in Client("""bash -c 'cat >/dev/null; printf "{\"output\":\"streamed\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}"'""").GetStreamingResponseAsync([new(ChatRole.User, "hi")]))
        {
            updates.Add(u);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("streamed", response.Text);
        Assert.Equal(1, response.Usage?.OutputTokenCount);
    }
}
