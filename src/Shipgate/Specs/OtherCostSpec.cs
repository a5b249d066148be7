namespace Shipgate.Specs;

/// <summary>A per-request cost besides the model call, e.g. <c>{ name: embeddings, usd: 0.00002 }</c>.</summary>
public sealed record OtherCostSpec(string Name, decimal Usd);
