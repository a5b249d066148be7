namespace Shipgate.Cost;

/// <summary>What an import of LiteLLM's price map kept and skipped, for the summary line.</summary>
public sealed record LiteLlmImport
{
    public required PriceCatalog Catalog { get; init; }

    /// <summary>Entries in the file, <c>sample_spec</c> excluded.</summary>
    public int Entries { get; init; }

    public int SkippedMode { get; init; }
    public int SkippedNoTokenPrice { get; init; }
    public int WithCachedInput { get; init; }
    public int WithCacheWrite { get; init; }
    public int WithReasoningOutput { get; init; }
}
