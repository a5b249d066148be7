using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Shipgate.Evals;
using Shipgate.Runs;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate review</c>: a person scores sampled outputs 1-5 in the terminal. Each label is stored the moment
/// it is given, so quitting (or Ctrl+C) never loses the ones already scored. The judge's own score is not shown,
/// so it cannot anchor the person.
/// </summary>
internal sealed class ReviewCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<ReviewSettings>(console, engine)
{
    protected override async Task<int> RunAsync(ReviewSettings settings, CancellationToken cancellationToken)
    {
        if (!Console.Profile.Capabilities.Interactive)
        {
            throw new EvalUsageException("shipgate review needs an interactive terminal; in scripts, use 'shipgate labels import FILE' instead");
        }

        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var run = RunLookup.Find(await store.ListRunsAsync(int.MaxValue, cancellationToken).ConfigureAwait(false), settings.Run, settings.Path);
        var labeler = settings.Labeler ?? Engine.Environment.GetVariable("USER") ?? "reviewer";
        var results = await store.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var sample = ReviewSampler.Sample(results, await store.GetLabelsAsync(cancellationToken).ConfigureAwait(false), labeler, settings.Count);
        if (sample.Count == 0)
        {
            Console.MarkupLineInterpolated($"Nothing left to review in run {run.Id} for {labeler}.");
            return ExitCodes.Ship;
        }

        Console.MarkupLineInterpolated($"Reviewing {sample.Count} outputs of run {run.Id} as [bold]{labeler}[/]. Score 1 (failure) to 5 (great); s skips, q quits.");
        var cases = spec.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var labelled = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            var result = sample[i];
            Show(result, cases.GetValueOrDefault(result.CaseId)?.Reference, i + 1, sample.Count);
            var answer = Console.Prompt(new TextPrompt<string>("Score [grey](1-5, s, q)[/]:")
                .Validate(a => a.Trim().ToLowerInvariant() is "1" or "2" or "3" or "4" or "5" or "s" or "q"
                    ? ValidationResult.Success()
                    : ValidationResult.Error("type 1, 2, 3, 4 or 5; s to skip; q to quit")));
            answer = answer.Trim().ToLowerInvariant();
            if (answer == "q")
            {
                break;
            }

            if (answer == "s")
            {
                continue;
            }

            var note = Console.Prompt(new TextPrompt<string>("Note [grey](optional)[/]:").AllowEmpty());
            await store.AddLabelAsync(
                new HumanLabel
                {
                    RunId = run.Id,
                    CandidateId = result.CandidateId,
                    CaseId = result.CaseId,
                    Repeat = result.Repeat,
                    Score = int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture),
                    Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
                    Labeler = labeler,
                    Source = "review",
                    CreatedAt = Engine.Environment.Time.GetUtcNow(),
                },
                CancellationToken.None).ConfigureAwait(false);
            labelled++;
        }

        var total = (await store.GetLabelsAsync(cancellationToken).ConfigureAwait(false)).Count;
        Console.MarkupLineInterpolated($"Stored {labelled} labels ({total} in this feature's store).");
        return ExitCodes.Ship;
    }

    private void Show(ResultRecord result, string? reference, int index, int count)
    {
        Console.Write(new Rule($"[bold]{index}/{count}[/] {Markup.Escape(result.CaseId)} · {Markup.Escape(string.Join(", ", result.Tags))} · {Markup.Escape(result.CandidateId)}").LeftJustified());
        Console.Write(new Panel(new Text(result.Prompt ?? "")).Header("input").Expand());
        Console.Write(new Panel(new Text(result.Output ?? "")).Header("output").Expand());
        if (reference is not null)
        {
            Console.Write(new Panel(new Text(reference)).Header("reference answer").Expand());
        }
    }
}
