namespace Shipgate.Cost;

/// <summary>
/// Finds a candidate's model in a catalog from its provider id (<c>openai:gpt-4o-mini</c> → <c>gpt-4o-mini</c>).
/// Entries whose name, without a provider prefix on either side (<c>openai/gpt-4o</c>, <c>gemini/gemini-2.5-pro</c>),
/// equals the target's are preferred in this order: same vendor as the candidate's scheme or prefix, exact name,
/// unprefixed name, any; failing that, the name without a date suffix
/// (<c>claude-haiku-4-5-20251001</c> → <c>claude-haiku-4-5</c>). Case-insensitive.
/// </summary>
public static class PriceLookup
{
    public static ModelPrice? Find(PriceCatalog catalog, string providerId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(providerId);
        var scheme = providerId.Contains(':', StringComparison.Ordinal) ? providerId.Split(':', 2)[0] : null;
        var target = providerId.Contains(':', StringComparison.Ordinal) ? providerId.Split(':', 2)[1] : providerId;
        if (target.Length == 0)
        {
            return null;
        }

        return Match(catalog, target, scheme) ?? (WithoutDate(Bare(target)) is { } undated ? Match(catalog, undated, scheme) : null);
    }

    private static ModelPrice? Match(PriceCatalog catalog, string name, string? scheme)
    {
        var bare = Bare(name);
        var candidates = catalog.Models.Where(m => Bare(m.Model).Equals(bare, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.FirstOrDefault(m => SameVendor(m, scheme, name))
            ?? candidates.FirstOrDefault(m => m.Model.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(m => !m.Model.Contains('/', StringComparison.Ordinal))
            ?? candidates.FirstOrDefault();
    }

    private static bool SameVendor(ModelPrice m, string? scheme, string name)
    {
        var prefix = name.Contains('/', StringComparison.Ordinal) ? name[..name.IndexOf('/', StringComparison.Ordinal)] : null;
        var vendor = m.Provider ?? (m.Model.Contains('/', StringComparison.Ordinal) ? m.Model[..m.Model.IndexOf('/', StringComparison.Ordinal)] : null);
        return vendor is not null && (vendor.Equals(prefix, StringComparison.OrdinalIgnoreCase) || vendor.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static string Bare(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary><c>x-20251001</c> or <c>x-2024-08-06</c> → <c>x</c>; null when there is no date suffix.</summary>
    private static string? WithoutDate(string name)
    {
        var parts = name.Split('-');
        if (parts.Length > 1 && parts[^1].Length == 8 && parts[^1].All(char.IsAsciiDigit))
        {
            return string.Join('-', parts[..^1]);
        }

        if (parts.Length > 3 && parts[^3].Length == 4 && parts[^2].Length == 2 && parts[^1].Length == 2 && parts[^3..].All(p => p.All(char.IsAsciiDigit)))
        {
            return string.Join('-', parts[..^3]);
        }

        return null;
    }
}
