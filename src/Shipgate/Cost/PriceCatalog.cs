namespace Shipgate.Cost;

/// <summary>Prices per model with the date they were true on and where they came from (bundled, or imported from LiteLLM).</summary>
public sealed record PriceCatalog
{
    /// <summary>The day the prices were true on ("prices as of"): what staleness is measured from.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The day the catalog was imported (null when unknown, e.g. the bundled one).</summary>
    public DateOnly? ImportedOn { get; init; }

    /// <summary>Where the prices came from, e.g. "bundled (LiteLLM model_prices_and_context_window.json, 2026-11-20)".</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ModelPrice> Models { get; init; }
}
