using System.Text.Json;
using Shipgate.Cli.Infrastructure;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Suite;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate lint</c>: checks the suite against the framework's common mistakes. Exit 1 when any finding is an error.</summary>
internal sealed class LintCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<LintSettings>(console, engine)
{
    /// <summary>Lint found errors (shares the value of NO-SHIP: "ran fine, the answer is no").</summary>
    private const int LintErrors = ExitCodes.NoShip;

    protected override async Task<int> RunAsync(LintSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var options = new SuiteLintOptions { DuplicateThreshold = settings.DuplicateThreshold, StaleDays = settings.StaleDays };
        var linter = Engine.CreateLinter();
        LintReport report;
        if (Engine.StoreExists(spec))
        {
            await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
            options.HumanLabelCount = (await store.GetLabelsAsync(cancellationToken).ConfigureAwait(false)).Count;
            report = await linter.LintAsync(spec, store, options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            report = await linter.LintAsync(spec, null, options, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            WriteJson(spec, report);
        }
        else
        {
            WriteTable(spec, report);
        }

        return report.HasErrors ? LintErrors : ExitCodes.Ship;
    }

    private void WriteTable(FeatureSpec spec, LintReport report)
    {
        Console.MarkupLineInterpolated($"[bold]Lint of {spec.Name}[/]: {report.CaseCount} cases{(report.RunId is null ? "" : $", latest completed run {report.RunId}")}");
        foreach (var group in report.Findings.GroupBy(f => f.Severity))
        {
            var (title, color) = group.Key switch
            {
                LintSeverity.Error => ("Errors", "red"),
                LintSeverity.Warning => ("Warnings", "yellow"),
                _ => ("Info", "blue"),
            };
            Console.WriteLine();
            Console.MarkupLine($"[bold {color}]{title} ({group.Count()})[/]");
            var table = new Table().Border(TableBorder.Simple).AddColumns("Code", "Finding", "What to do");
            foreach (var f in group)
            {
                var finding = f.Location is { Line: > 0 } at && !f.Message.Contains(at.ToString(), StringComparison.Ordinal)
                    ? $"{Markup.Escape(f.Message)}\n[grey]{Markup.Escape(at.ToString())}[/]"
                    : Markup.Escape(f.Message);
                table.AddRow(new Markup($"[{color}]{f.Code}[/]"), new Markup(finding), new Text(f.Advice));
            }

            Console.Write(table);
        }

        Console.WriteLine();
        var errors = report.Count(LintSeverity.Error);
        var summary = $"{Plural(errors, "error")}, {Plural(report.Count(LintSeverity.Warning), "warning")}, {report.Count(LintSeverity.Info)} info";
        Console.MarkupLine(errors > 0 ? $"[red]✗ {summary}[/]" : $"[green]✓[/] {summary}");
    }

    private void WriteJson(FeatureSpec spec, LintReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("feature", spec.Name);
            w.WriteNumber("cases", report.CaseCount);
            if (report.RunId is null)
            {
                w.WriteNull("run_id");
            }
            else
            {
                w.WriteString("run_id", report.RunId);
            }

            w.WriteNumber("errors", report.Count(LintSeverity.Error));
            w.WriteNumber("warnings", report.Count(LintSeverity.Warning));
            w.WriteNumber("info", report.Count(LintSeverity.Info));
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                w.WriteString("code", f.Code);
                w.WriteString("message", f.Message);
                w.WriteString("advice", f.Advice);
                if (f.Location is { } at)
                {
                    w.WriteString("location", at.ToString());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        Console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
