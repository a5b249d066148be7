using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Cost;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate prices show [FILTER]</c>: the catalog in use, per 1M tokens, with its source and date.</summary>
internal sealed class PricesShowCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<PricesShowSettings>(console, engine)
{
    protected override Task<int> RunAsync(PricesShowSettings settings, CancellationToken cancellationToken)
    {
        var catalog = Engine.LoadPrices(settings.Prices);
        CostConsoleRenderer.RenderCatalog(Console, catalog, settings.Filter, Engine.Environment.Time);
        return Task.FromResult(ExitCodes.Ship);
    }
}
