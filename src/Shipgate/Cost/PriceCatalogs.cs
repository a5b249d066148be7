using System.Globalization;
using System.Text.Json;

namespace Shipgate.Cost;

/// <summary>
/// Where prices come from, in order: a file given with <c>--prices</c> (Shipgate's catalog format or LiteLLM's map),
/// else the catalog <c>shipgate prices import</c> wrote to <c>$SHIPGATE_HOME/prices.json</c> (default
/// <c>~/.shipgate/prices.json</c>), else the catalog bundled with Shipgate. The chosen one is named in every report.
/// </summary>
public static class PriceCatalogs
{
    /// <summary>A catalog older than this is flagged stale in every report that uses it.</summary>
    public const int StaleAfterDays = 90;

    public const string ImportedFileName = "prices.json";

    private static readonly Lazy<PriceCatalog> BundledCatalog = new(ReadBundled);

    /// <summary>The catalog compiled into Shipgate (a dated selection of LiteLLM's prices).</summary>
    public static PriceCatalog Bundled => BundledCatalog.Value;

    /// <summary>Picks the catalog: <paramref name="pricesFile"/> when given, else the imported one in <paramref name="shipgateHome"/> if present, else bundled.</summary>
    /// <exception cref="PriceCatalogException">The chosen file is missing or unreadable.</exception>
    public static PriceCatalog Load(string? pricesFile, string? shipgateHome, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (pricesFile is not null)
        {
            return ReadFile(pricesFile, time);
        }

        if (shipgateHome is not null && File.Exists(Path.Combine(shipgateHome, ImportedFileName)))
        {
            return ReadFile(Path.Combine(shipgateHome, ImportedFileName), time);
        }

        return Bundled;
    }

    /// <summary><c>$SHIPGATE_HOME</c>, else <c>$HOME/.shipgate</c>; null when neither is set (then only the bundled catalog is used).</summary>
    public static string? Home(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (getVariable("SHIPGATE_HOME") is { Length: > 0 } home)
        {
            return home;
        }

        // Only what the environment says: a test or a locked-down CI job must never pick up someone's profile by accident.
        return getVariable("HOME") is { Length: > 0 } h ? Path.Combine(h, ".shipgate") : null;
    }

    /// <summary>A catalog file: Shipgate's format, or LiteLLM's map (imported on the fly, prices as of the file's last-write day, UTC).</summary>
    public static PriceCatalog ReadFile(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PriceCatalogException($"cannot read price catalog '{path}': {e.Message}");
        }

        using var doc = JsonNumbers.Parse(json, path);
        if (PriceCatalogJson.LooksLikeCatalog(doc.RootElement))
        {
            var catalog = PriceCatalogJson.Read(doc.RootElement, path);
            return catalog with { Source = $"{path} ({catalog.Source})" };
        }

        var asOf = ModificationDate(path);
        var import = LiteLlmImporter.Import(json, path, asOf, importedOn: DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return import.Catalog with { Source = $"{path} (LiteLLM price map, prices as of the file's modification date)" };
    }

    /// <summary>
    /// The day (UTC) a file was last written: the best guess of when a downloaded price map was published, used when
    /// no date is given (the day of the import would make an old download look fresh).
    /// </summary>
    public static DateOnly ModificationDate(string path) => DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));

    /// <summary>Days since the catalog's date (0 when dated in the future).</summary>
    public static int AgeDays(PriceCatalog catalog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Math.Max(0, today.DayNumber - catalog.Date.DayNumber);
    }

    public static bool IsStale(PriceCatalog catalog, TimeProvider time) => AgeDays(catalog, time) > StaleAfterDays;

    /// <summary>The warning every report that uses a stale catalog prints; null when fresh.</summary>
    public static string? StaleWarning(PriceCatalog catalog, TimeProvider time) =>
        IsStale(catalog, time)
            ? $"price catalog is {AgeDays(catalog, time).ToString(CultureInfo.InvariantCulture)} days old (prices as of {catalog.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, stale after {StaleAfterDays.ToString(CultureInfo.InvariantCulture)}); prices may have changed: download LiteLLM's model_prices_and_context_window.json and run 'shipgate prices import FILE', or declare pricing: on the candidate"
            : null;

    private static PriceCatalog ReadBundled()
    {
        using var stream = typeof(PriceCatalogs).Assembly.GetManifestResourceStream("shipgate.prices.json")
            ?? throw new InvalidOperationException("the bundled price catalog is missing from the Shipgate assembly");
        using var doc = JsonDocument.Parse(stream);
        var catalog = PriceCatalogJson.Read(doc.RootElement, "bundled catalog");
        return catalog with { Source = $"bundled: {catalog.Source}" };
    }
}
