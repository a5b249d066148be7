namespace Shipgate.Specs;

/// <summary>Sampling settings sent with every request of a candidate. Null means "provider default".</summary>
public sealed record ModelSettings
{
    public float? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public float? TopP { get; init; }
    public long? Seed { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>Stream the response (measures time to first token too).</summary>
    public bool Stream { get; init; }
}
