using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Shipgate.Cli.Commands;
using Shipgate.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Infrastructure;

/// <summary>The `shipgate` command line: wiring only; each command is thin and calls the engine.</summary>
internal static class ShipgateApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        // Spec values are echoed in many places; control characters in them must never reach the terminal raw.
        console = new SanitizingConsole(console);
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddSingleton(environment);
        services.AddSingleton<Engine>();
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("shipgate");
            config.SetApplicationVersion(typeof(ShipgateApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.Settings.Console = console;
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Run the feature's suite on its candidates and decide SHIP / NO-SHIP")
                .WithExample("eval", "examples/support-assistant")
                .WithExample("eval", "examples/support-assistant", "--resume");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a spec and its case files without running anything")
                .WithExample("validate", "examples/support-assistant");
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("List past runs of a feature");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Re-render a past run (console, Markdown, JSON, JUnit, HTML)")
                .WithExample("report", "latest", "examples/support-assistant");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Does B beat A? Paired difference with its interval and tests, per-case regressions and improvements")
                .WithExample("compare", "20261129-101500", "20261129-113000", "examples/support-assistant");
            config.AddCommand<ReviewCommand>("review")
                .WithDescription("Score sampled outputs 1-5 yourself, to calibrate the judge (interactive)")
                .WithExample("review", "examples/support-assistant", "--count", "10");
            config.AddCommand<CalibrationCommand>("calibration")
                .WithDescription("How well the judge agrees with human labels, per criterion (kappa, agreement, leniency)");
            config.AddBranch("labels", labels =>
            {
                labels.SetDescription("Human labels for judge calibration");
                labels.AddCommand<LabelsImportCommand>("import")
                    .WithDescription("Import labels from CSV or JSONL (case_id, score 1-5, ...)")
                    .WithExample("labels", "import", "labels.csv", "examples/support-assistant");
            });
            config.AddCommand<LintCommand>("lint")
                .WithDescription("Check the suite against common mistakes (size, coverage, duplicates, too easy/hard, freshness)")
                .WithExample("lint", "examples/support-assistant")
                .WithExample("lint", "examples/support-assistant", "--format", "json");
            config.AddBranch("cases", cases =>
            {
                cases.SetDescription("Grow the suite: turn production traces and complaints into cases");
                cases.AddCommand<CasesAddCommand>("add")
                    .WithDescription("Add production traces or complaints (JSONL) as cases, deduplicated against the suite")
                    .WithExample("cases", "add", "examples/support-assistant/production/complaints.jsonl", "examples/support-assistant", "--dry-run");
            });
            config.AddCommand<SelectCommand>("select")
                .WithDescription("Model selection matrix from the latest run: weighted requirements, winner, robustness, router policy")
                .WithExample("select", "examples/support-assistant")
                .WithExample("select", "examples/support-assistant", "--write")
                .WithExample("select", "examples/support-assistant", "--check");
            config.AddCommand<CostCommand>("cost")
                .WithDescription("Unit economics from the latest run: cost per request, per user, % of revenue at 1× and 10×, levers, guardrails")
                .WithExample("cost", "examples/support-assistant")
                .WithExample("cost", "examples/support-assistant", "--users", "50000");
            config.AddBranch("prices", prices =>
            {
                prices.SetDescription("The price catalog cost reports use (bundled, or imported from LiteLLM)");
                prices.AddCommand<PricesImportCommand>("import")
                    .WithDescription("Import LiteLLM's model_prices_and_context_window.json into $SHIPGATE_HOME/prices.json")
                    .WithExample("prices", "import", "model_prices_and_context_window.json");
                prices.AddCommand<PricesShowCommand>("show")
                    .WithDescription("Show the catalog in use, per 1M tokens, with its source and date")
                    .WithExample("prices", "show", "gpt-4o");
            });
            config.AddCommand<RiskCommand>("risk")
                .WithDescription("Hallucination risk: severity x detection strategy, mitigation checks, hallucination budget vs the measured rate")
                .WithExample("risk", "examples/support-assistant")
                .WithExample("risk", "examples/support-assistant", "--candidate", "baseline", "--format", "md");
            config.AddCommand<LaunchCommand>("launch")
                .WithDescription("One launch-readiness report: eval gate, model choice, unit economics at 1x and 10x, hallucination risk, rollout plan")
                .WithExample("launch", "examples/support-assistant")
                .WithExample("launch", "examples/support-assistant", "--fresh");
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Print the JSON Schema of shipgate.yaml (for editors)");
        });

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // First Ctrl+C stops cleanly and keeps finished work; a second one kills the process as usual.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        }

        var ownsConsole = ReferenceEquals(environment, CliEnvironment.Process);
        if (ownsConsole)
        {
            Console.CancelKeyPress += OnCancel;
        }

        // CI cancellation and `timeout` send SIGTERM: stop the same clean way as Ctrl+C so the run is marked and kept.
        using var terminate = ownsConsole
            ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                interrupt.Cancel();
            })
            : null;

        try
        {
            return await app.RunAsync(args, interrupt.Token).ConfigureAwait(false);
        }
        catch (CommandParseException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            console.MarkupLine("Run [bold]shipgate --help[/] for usage.");
            return ExitCodes.Usage;
        }
        catch (CommandRuntimeException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {OptionErrors.Describe(ex, args)}");
            return ExitCodes.Usage;
        }
        finally
        {
            if (ownsConsole)
            {
                Console.CancelKeyPress -= OnCancel;
            }
        }
    }
}
