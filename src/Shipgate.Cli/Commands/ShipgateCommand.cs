using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary>
/// Base of every command: turns known failures into a clear message and a named exit code.
/// Stack traces are shown only with SHIPGATE_DEBUG=1.
/// </summary>
internal abstract class ShipgateCommand<TSettings>(IAnsiConsole console, Engine engine) : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    protected IAnsiConsole Console => console;

    protected Engine Engine => engine;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecException ex)
        {
            SpecErrorRenderer.Render(console, ex.Errors);
            return ExitCodes.Usage;
        }
        catch (PriceCatalogException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (EvalUsageException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OverflowException)
        {
            // Values each within range can still multiply past decimal's range (prices × tokens × traffic).
            console.MarkupLine("[red]error:[/] a figure is too large to compute: the spec's numbers (pricing, economics.traffic, scale) or an option such as --users multiply beyond the range of a decimal; use realistic values");
            return ExitCodes.Usage;
        }
        catch (ProviderException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.ProviderId}: {ex.Message}");
            return ExitCodes.RunFailed;
        }
        catch (StoreException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]interrupted[/]");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (engine.Environment.GetVariable("SHIPGATE_DEBUG") != "1")
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            console.MarkupLine("[grey](set SHIPGATE_DEBUG=1 for details)[/]");
            return ExitCodes.RunFailed;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);
}
