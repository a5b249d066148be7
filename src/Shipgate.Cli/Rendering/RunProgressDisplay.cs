using Shipgate.Cost;
using Shipgate.Evals;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Progress bar with counts, pass rate, tokens and cost so far; plain lines when the console is not interactive (CI).</summary>
internal static class RunProgressDisplay
{
    public static async Task<RunOutcome> RunAsync(IAnsiConsole console, bool quiet, Func<IProgress<RunProgress>, Task<RunOutcome>> run)
    {
        var latest = new LatestProgress();
        if (quiet)
        {
            return await run(latest).ConfigureAwait(false);
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            var lastPrinted = -1;
            var progress = new LatestProgress(p =>
            {
                // About ten lines per run: enough to see it move in a CI log without flooding it.
                var decile = p.Planned == 0 ? 10 : (int)(p.Done * 10L / p.Planned);
                if (decile > Interlocked.Exchange(ref lastPrinted, decile))
                {
                    console.WriteLine(Describe(p));
                }
            });
            return await run(progress).ConfigureAwait(false);
        }

        RunOutcome? outcome = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                var running = run(latest);
                while (!running.IsCompleted)
                {
                    Update(task, latest.Value);
                    await Task.WhenAny(running, Task.Delay(100)).ConfigureAwait(false);
                }

                Update(task, latest.Value);
                outcome = await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return outcome!;
    }

    private static void Update(ProgressTask task, RunProgress p)
    {
        task.MaxValue = Math.Max(1, p.Planned);
        task.Value = p.Done;
        task.Description = Markup.Escape(Describe(p));
    }

    private static string Describe(RunProgress p) =>
        $"{p.Done}/{p.Planned} done · pass {p.PassRate:0%} · {p.Errors} errors · {p.FromCache} cached · {p.Tokens:N0} tokens · candidates {MoneyFormat.Usd(p.CostUsd)}"
        + $" · judge {MoneyFormat.Usd(p.JudgeCostUsd)} new{(p.JudgeFromCache > 0 ? $" ({p.JudgeFromCache} verdicts cached)" : "")}";

    private sealed class LatestProgress(Action<RunProgress>? onReport = null) : IProgress<RunProgress>
    {
        private RunProgress _value;

        public RunProgress Value => _value;

        public void Report(RunProgress value)
        {
            _value = value;
            onReport?.Invoke(value);
        }
    }
}
