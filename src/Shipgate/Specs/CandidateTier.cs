namespace Shipgate.Specs;

/// <summary>How a candidate is grouped in the selection matrix (spec values <c>frontier</c>, <c>efficient</c>, <c>open-source</c>).</summary>
public enum CandidateTier
{
    /// <summary>The most capable (and usually most expensive) hosted models.</summary>
    Frontier,

    /// <summary>Smaller, cheaper, faster hosted models.</summary>
    Efficient,

    /// <summary>Open-weight models, typically self-hosted.</summary>
    OpenSource,
}
