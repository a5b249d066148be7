using Shipgate.Testing;

namespace Shipgate.Cli.Tests.Commands;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Eval_PassingSuite_ExitsZeroPrintsVerdictAndWritesReports()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature();

        var code = await f.RunAsync("eval", ".");

        Assert.Equal(0, code);
        Assert.Contains("SHIP", f.Output, StringComparison.Ordinal);
        Assert.Contains("pass rate ≥ 0.90", f.Output, StringComparison.Ordinal);
        var reports = Directory.GetDirectories(Path.Combine(f.Folder, ".shipgate", "reports"));
        var folder = Assert.Single(reports);
        foreach (var file in new[] { "report.html", "report.md", "report.json", "report.xml" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
    }

    [Fact]
    public async Task Eval_Quiet_PrintsWhatCliMdSays()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 6);
        f.Server.Responder = r => r.LastUserMessage.EndsWith('1') ? "I don't know." : "Echo: " + r.LastUserMessage;

        var code = await f.RunAsync("eval", ".", "-q");

        // docs/cli.md: no progress, no failure list, no report-file lines; the verdict table and gate checks remain.
        Assert.Equal(1, code);
        Assert.Contains("NO-SHIP", f.Output, StringComparison.Ordinal);
        Assert.Contains("✗ pass rate", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" done · pass ", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failures", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("report.html", f.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(f.Folder, ".shipgate", "reports")));
    }

    [Fact]
    public async Task Eval_FailingGate_ExitsOne()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { Responder = _ => "I don't know." });
        f.WriteFeature();

        var code = await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("NO-SHIP", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_InvalidSpec_ExitsTwoWithFileLineColumn()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(gate: "min_pass_rat: 0.9");

        var code = await f.RunAsync("eval", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"shipgate\.yaml:\d+:\d+", f.Output);
        Assert.Contains("min_pass_rate", f.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", f.Output, StringComparison.Ordinal);
        Assert.Equal(0, f.Server.RequestCount);
    }

    [Fact]
    public async Task Eval_ProviderDown_ExitsThree()
    {
        await using var f = await CliFixture.StartAsync();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        f.WriteFeature(baseUrl: $"http://127.0.0.1:{port}/v1");

        var code = await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(3, code);
        Assert.Contains("failed", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_AuthRefused_ExitsThreeNamingTheKeyVariable()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { FaultRule = _ => StubFault.Status(401) });
        f.WriteFeature();

        var code = await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(3, code);
        Assert.Contains("STUB_KEY", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownOption_ExitsTwo()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature();

        var code = await f.RunAsync("eval", ".", "--bogus");

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Eval_SecondRun_MakesNoHttpCalls()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 4);
        await f.RunAsync("eval", ".", "--format", "none");
        var calls = f.Server.RequestCount;

        var code = await f.RunAsync("eval", ".", "--format", "none");

        Assert.Equal(0, code);
        Assert.Equal(4, calls);
        Assert.Equal(calls, f.Server.RequestCount);
    }

    [Fact]
    public async Task Eval_OutputIsAFile_ExitsTwoBeforeCallingAnything()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2);
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "taken"), "x");

        var code = await f.RunAsync("eval", ".", "--output", "taken");

        Assert.Equal(2, code);
        Assert.Equal(0, f.Server.RequestCount);
    }

    [Theory]
    [InlineData("--repeats", "100000000", "--repeats must be between 1 and 100, got 100000000")]
    [InlineData("--timeout", "4.9e-324", "--timeout must be between 0.01 and 86400 seconds")]
    [InlineData("--concurrency", "2147483647", "--concurrency must be between 1 and 1000")]
    public async Task Eval_RunOptionOutOfRange_ExitsTwoBeforeAnyCall(string option, string value, string message)
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2);

        var code = await f.RunAsync("eval", ".", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, f.Output, StringComparison.Ordinal);
        Assert.Equal(0, f.Server.RequestCount);
    }

    [Fact]
    public async Task Eval_RepeatsMakingThePlanTooLarge_ExitsTwoBeforeAnyCall()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 10_001);

        var code = await f.RunAsync("eval", ".", "--repeats", "100");

        Assert.Equal(2, code);
        Assert.Contains("the run would make 1,000,100 calls", f.Output, StringComparison.Ordinal);
        Assert.Equal(0, f.Server.RequestCount);
    }
}

