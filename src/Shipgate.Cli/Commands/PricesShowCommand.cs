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
        var models = PriceFilter.Matching(catalog, settings.Filter);
        if (models.Count == 0)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] no model in {catalog.Source} matches '{settings.Filter}'; {PriceFilter.Hint(catalog, settings.Filter!)}");
            return Task.FromResult(ExitCodes.Usage);
        }

        CostConsoleRenderer.RenderCatalog(Console, catalog, models, Engine.Environment.Time);
        return Task.FromResult(ExitCodes.Ship);
    }
}
