namespace Shipgate.Selection;

/// <summary>One suite case as the router sees it: request features plus how each candidate did on it.</summary>
internal sealed class RouterCase
{
    public required string CaseId { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Approximate input tokens of the rendered prompt.</summary>
    public long InputTokens { get; init; }

    /// <summary>The case input (its vars), embedded for the neighbourhood rule.</summary>
    public required string Text { get; init; }
    public float[]? Vector { get; set; }

    public double CheapQuality { get; init; }
    public double StrongQuality { get; init; }

    /// <summary>The cheap candidate failed the case (or fell under the quality bar on it).</summary>
    public bool CheapFailed { get; init; }
    public decimal? CheapCost { get; init; }
    public decimal? StrongCost { get; init; }
}
