namespace Shipgate.Specs;

/// <summary>Traffic model, revenue and guardrails for unit economics (framework 4; docs/cost.md).</summary>
public sealed record EconomicsSpec
{
    public required TrafficSpec Traffic { get; init; }

    /// <summary>What one monthly active user brings in, USD per month.</summary>
    public required decimal RevenuePerUserPerMonth { get; init; }

    /// <summary>Costs paid on every request besides the model call (embeddings, search, moderation), USD each.</summary>
    public IReadOnlyList<OtherCostSpec> OtherCostsPerRequest { get; init; } = [];

    /// <summary>Multiples of today's users to project at; default 1× and 10×.</summary>
    public IReadOnlyList<decimal> Scale { get; init; } = [1m, 10m];

    /// <summary>Declared spending caps; null means `shipgate cost` proposes them from the data.</summary>
    public CostGuardrailsSpec? Guardrails { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
