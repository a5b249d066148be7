namespace Shipgate.Specs;

/// <summary><c>selection.review</c>: when a model decision is due for review (<c>shipgate select --check</c>).</summary>
public sealed record ReviewTriggers
{
    public const double DefaultPriceChange = 0.20;
    public const int DefaultMaxAgeDays = 180;

    /// <summary>Relative price change (either direction) that calls for a review. Default 0.20.</summary>
    public double PriceChange { get; init; } = DefaultPriceChange;

    /// <summary>Absolute drop of the quality metric against the decision; null = a drop below the decision's 95% CI.</summary>
    public double? QualityDrop { get; init; }

    /// <summary>Age after which the decision is reviewed anyway. Default 180 days.</summary>
    public int MaxAgeDays { get; init; } = DefaultMaxAgeDays;
}
