namespace Shipgate.Cost;

/// <summary>Prices per model with the date they were true on and where they came from (bundled, or imported from LiteLLM).</summary>
public sealed record PriceCatalog
{
    /// <summary>The day the prices were taken.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Where the prices came from, e.g. "bundled (LiteLLM model_prices_and_context_window.json, 2026-11-20)".</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ModelPrice> Models { get; init; }
}
