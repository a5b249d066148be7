using System.Diagnostics;
using Shipgate.Runs;
using Shipgate.Storage;
using Shipgate.Testing;

namespace Shipgate.Cli.Tests.Commands;

public sealed class EvalResumeTests
{
    private const int Cases = 20;

    [Fact]
    public async Task Resume_AfterKilledProcess_RunsEachPendingCaseExactlyOnce()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { Latency = TimeSpan.FromMilliseconds(150) });
        f.WriteFeature(cases: Cases);
        var database = Path.Combine(f.Folder, ".shipgate", "shipgate.db");

        using (var child = StartCli(f.Folder, "eval", f.Folder, "--concurrency", "1", "--format", "none", "--quiet"))
        {
            await WaitForResultsAsync(database, atLeast: 5, child);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        int storedBeforeResume;
        string runId;
        await using (var store = await RunStores.OpenSqliteAsync(database))
        {
            var run = await store.GetLatestRunAsync("cli-feature");
            Assert.NotNull(run);
            Assert.Equal(RunStatus.Running, run.Status);
            runId = run.Id;
            storedBeforeResume = (await store.GetResultsAsync(run.Id)).Count;
        }

        Assert.InRange(storedBeforeResume, 5, Cases - 1);
        var callsBeforeResume = f.Server.RequestCount;

        var code = await f.RunAsync("eval", ".", "--resume", "--no-cache", "--format", "none");

        Assert.Equal(0, code);
        Assert.Equal(Cases - storedBeforeResume, f.Server.RequestCount - callsBeforeResume);
        await using (var store = await RunStores.OpenSqliteAsync(database))
        {
            var results = await store.GetResultsAsync(runId);
            Assert.Equal(Cases, results.Count);
            Assert.Equal(Cases, results.Select(r => r.CaseId).Distinct().Count());
            Assert.Equal(RunStatus.Completed, (await store.GetRunAsync(runId))!.Status);
        }
    }

    [Fact]
    public async Task Resume_WhileAnotherProcessRunsTheRun_ExitsTwoNamingThatProcess()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { Latency = TimeSpan.FromMilliseconds(150) });
        f.WriteFeature(cases: Cases);
        var database = Path.Combine(f.Folder, ".shipgate", "shipgate.db");
        using var child = StartCli(f.Folder, "eval", f.Folder, "--concurrency", "1", "--format", "none", "--quiet");
        try
        {
            await WaitForResultsAsync(database, atLeast: 2, child);
            var callsBefore = f.Server.RequestCount;

            var code = await f.RunAsync("eval", ".", "--resume", "--no-cache", "--format", "none");

            Assert.Equal(2, code);
            var output = string.Join(' ', f.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // undo line wrapping
            Assert.Contains($"is being resumed by process {child.Id} on host {Environment.MachineName}", output, StringComparison.Ordinal);
            Assert.Contains("lease expires at", output, StringComparison.Ordinal);

            // The refused process made no call: only the running one's calls (at most one per 150 ms) landed meanwhile.
            Assert.InRange(f.Server.RequestCount - callsBefore, 0, 10);
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    private static Process StartCli(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Shipgate.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["STUB_KEY"] = "sk-test";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForResultsAsync(string database, int atLeast, Process child)
    {
        // Bounded wait: the child writes a result every ~150 ms; give it generous room on a loaded machine.
        for (var i = 0; i < 600; i++)
        {
            Assert.False(child.HasExited, $"the CLI exited early with code {(child.HasExited ? child.ExitCode : 0)}");
            if (File.Exists(database))
            {
                await using var store = await RunStores.OpenSqliteAsync(database);
                var run = await store.GetLatestRunAsync("cli-feature");
                if (run is not null && (await store.GetResultsAsync(run.Id)).Count >= atLeast)
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail("the CLI did not record results in time");
    }
}
