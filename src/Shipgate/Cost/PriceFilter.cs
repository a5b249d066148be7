using System.Globalization;
using Shipgate.Specs;

namespace Shipgate.Cost;

/// <summary>The models <c>shipgate prices show FILTER</c> lists, and a did-you-mean when none matches.</summary>
internal static class PriceFilter
{
    private static readonly char[] Separators = ['-', '/', '.', ':', '_', '@'];

    /// <summary>Models whose name or provider contains <paramref name="filter"/> (case-insensitive; all when null), by provider then name.</summary>
    public static List<ModelPrice> Matching(PriceCatalog catalog, string? filter) =>
        [.. catalog.Models
            .Where(m => string.IsNullOrEmpty(filter) || m.Model.Contains(filter, StringComparison.OrdinalIgnoreCase) || (m.Provider?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(m => m.Provider, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Model, StringComparer.OrdinalIgnoreCase)];

    /// <summary>"did you mean 'sonnet'?" from the catalog's model names, providers and name parts; else how to list them all.</summary>
    public static string Hint(PriceCatalog catalog, string filter)
    {
        var words = catalog.Models.Select(m => m.Model)
            .Concat(catalog.Models.Select(m => m.Provider).OfType<string>())
            .Concat(catalog.Models.SelectMany(m => m.Model.Split(Separators, StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 3 && !p.All(char.IsDigit)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return DidYouMean.Suggest(filter, words) is { } s
            ? $"did you mean '{s}'?"
            : $"'shipgate prices show' lists all {catalog.Models.Count.ToString(CultureInfo.InvariantCulture)} models";
    }
}
