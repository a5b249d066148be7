using Shipgate.Cli.Infrastructure;
using Shipgate.Cost;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate prices import FILE</c>: LiteLLM's price map → <c>$SHIPGATE_HOME/prices.json</c>, all or nothing.</summary>
internal sealed class PricesImportCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<PricesImportSettings>(console, engine)
{
    protected override Task<int> RunAsync(PricesImportSettings settings, CancellationToken cancellationToken)
    {
        var file = Engine.Environment.ResolvePath(settings.File);
        var today = DateOnly.FromDateTime(Engine.Environment.Time.GetUtcNow().UtcDateTime);
        DateOnly date;
        LiteLlmImport import;
        try
        {
            if (!File.Exists(file))
            {
                throw new PriceCatalogException($"no file '{file}'; download LiteLLM's model_prices_and_context_window.json and pass its path");
            }

            // Without --date the prices are as old as the download, not as new as the import: a months-old file must look stale.
            date = settings.ParsedDate ?? PriceCatalogs.ModificationDate(file);
            import = LiteLlmImporter.Import(File.ReadAllText(file), file, date, settings.All, importedOn: today);
        }
        catch (Exception ex) when (ex is PriceCatalogException or IOException or UnauthorizedAccessException)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            Console.MarkupLine("[grey]nothing was written; the previous catalog (if any) is unchanged[/]");
            return Task.FromResult(ExitCodes.Usage);
        }

        if (import.Catalog.Models.Count == 0)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {file}: no model with per-token input and output prices{(settings.All ? "" : " in chat or completion mode (try --all)")}; nothing was written");
            return Task.FromResult(ExitCodes.Usage);
        }

        if (PriceCatalogs.Home(Engine.Environment.GetVariable) is not { } home)
        {
            Console.MarkupLine("[red]error:[/] neither SHIPGATE_HOME nor HOME is set, so there is nowhere to keep the imported catalog; set SHIPGATE_HOME to a folder (nothing was written)");
            return Task.FromResult(ExitCodes.Usage);
        }

        var target = Path.Combine(home, PriceCatalogs.ImportedFileName);
        var temp = target + ".tmp";
        Directory.CreateDirectory(home);

        // Write aside, then move over: a failed import never leaves half a catalog behind.
        File.WriteAllText(temp, PriceCatalogJson.Write(import.Catalog));
        File.Move(temp, target, overwrite: true);
        var c = import.Catalog;
        Console.MarkupLineInterpolated($"imported [bold]{CostText.Users(c.Models.Count)}[/] models from {file} on {CostText.Date(today)}");
        if (settings.ParsedDate is null)
        {
            Console.MarkupLineInterpolated($"  prices as of {CostText.Date(date)}, the file's modification date; pass --date if you know when it was published");
        }
        else
        {
            Console.MarkupLineInterpolated($"  prices as of {CostText.Date(date)} (--date)");
        }
        Console.MarkupLineInterpolated($"  {CostText.Users(import.WithCachedInput)} with cached-input prices, {CostText.Users(import.WithCacheWrite)} with cache-write prices, {CostText.Users(import.WithReasoningOutput)} with reasoning-output prices");
        Console.MarkupLineInterpolated($"  skipped {CostText.Users(import.SkippedMode)} of {CostText.Users(import.Entries)} entries for their mode{(settings.All ? "" : " (not chat/completion; --all keeps them)")} and {CostText.Users(import.SkippedNoTokenPrice)} without per-token prices");
        Console.MarkupLineInterpolated($"wrote {target}; 'shipgate cost' and 'shipgate prices show' use it from now on");
        return Task.FromResult(ExitCodes.Ship);
    }
}
