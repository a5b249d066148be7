using Shipgate.Cost;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>Finds a candidate's model in the price catalog (by model name, as providers spell it).</summary>
internal static class CatalogLookup
{
    public static ModelPrice? Find(PriceCatalog? catalog, CandidateSpec candidate)
    {
        if (catalog is null || candidate.Scheme is not (ProviderSchemes.OpenAI or ProviderSchemes.Anthropic))
        {
            return null;
        }

        var model = candidate.Target;
        return catalog.Models
            .Where(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase)
                || m.Model.EndsWith("/" + model, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Mode is null or "chat" ? 0 : 1)
            .ThenBy(m => m.Model.Length)
            .FirstOrDefault();
    }

    /// <summary>Catalog models of a family: names that start with the family (e.g. gpt-4o, gpt-4o-mini, gpt-4o-2024-11-20).</summary>
    public static IReadOnlyList<string> FamilyModels(PriceCatalog catalog, string family) =>
        [.. catalog.Models
            .Where(m => m.Mode is null or "chat")
            .Select(m => m.Model.Contains('/', StringComparison.Ordinal) ? m.Model[(m.Model.LastIndexOf('/') + 1)..] : m.Model)
            .Where(m => m.StartsWith(family, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
}
