using System.Globalization;
using Shipgate.Cli.Infrastructure;
using Shipgate.Suite;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate cases add FILE</c>: production traces and complaints become suite cases, deduplicated and dated.</summary>
internal sealed class CasesAddCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<CasesAddSettings>(console, engine)
{
    protected override async Task<int> RunAsync(CasesAddSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var options = new CaseImportOptions { TargetFile = settings.To, DuplicateThreshold = settings.DuplicateThreshold, DryRun = settings.DryRun };
        CaseImportResult result;
        try
        {
            result = await Engine.CreateCaseImporter()
                .ImportAsync(spec, Engine.Environment.ResolvePath(settings.File), options, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CaseImportException ex)
        {
            foreach (var error in ex.Errors)
            {
                Console.MarkupInterpolated($"[bold]{error.Location}[/]: [red]error:[/] {error.Message}");
                if (error.Hint is not null)
                {
                    Console.MarkupInterpolated($" [grey]({error.Hint})[/]");
                }

                Console.WriteLine();
            }

            Console.MarkupLineInterpolated($"[red]{ex.Summary}[/]");
            return ExitCodes.Usage;
        }

        foreach (var s in result.Skipped)
        {
            Console.MarkupLineInterpolated($"[grey]skipped line {s.Line}: near-duplicate of {s.DuplicateOf} (similarity {s.Similarity.ToString("0.000", CultureInfo.InvariantCulture)})[/]");
        }

        if (result.Added.Count == 0)
        {
            Console.MarkupLineInterpolated($"Nothing to add: every item is already covered by the suite.");
            return ExitCodes.Ship;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("Case", "Line", "Origin", "Tags", "Assertions");
        foreach (var c in result.Added)
        {
            table.AddRow(
                Markup.Escape(c.Id),
                c.Line.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(c.Origin),
                Markup.Escape(string.Join(", ", c.Tags)),
                c.HasAssertions ? c.Assertions!.Count.ToString(CultureInfo.InvariantCulture) : "[yellow]none[/]");
        }

        Console.Write(table);
        if (result.DryRun)
        {
            Console.MarkupLineInterpolated($"[bold]Dry run:[/] nothing was written. {result.Added.Count} case(s) would be appended to {result.TargetFile}{(result.CreatedFile ? " (a new file)" : "")}:");
            Console.Profile.Out.Writer.Write(result.Text);
        }
        else
        {
            Console.MarkupLineInterpolated($"[green]✓[/] added {result.Added.Count} case(s) to {result.TargetFile}{(result.CreatedFile ? " (new file)" : "")}");
        }

        var bare = result.Added.Count(c => !c.HasAssertions);
        if (bare > 0)
        {
            var what = spec.DefaultAssertions.Count == 0 ? "they test nothing yet" : "only the spec's default assertions check them";
            Console.MarkupLineInterpolated($"[yellow]![/] {bare} new case(s) have no assertions, so {what}: open {result.TargetFile} and add what a good answer must (not) contain (the observed bad output is in a comment above each case).");
        }

        if (result.CoveredBySuite == false)
        {
            Console.MarkupLineInterpolated($"[yellow]![/] {result.TargetFile} is not in the spec's suite.files, so these cases will not run: add '- {result.TargetFile}' under suite.files, then run 'shipgate validate'.");
        }

        return ExitCodes.Ship;
    }
}
