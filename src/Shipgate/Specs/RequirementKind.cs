namespace Shipgate.Specs;

/// <summary>The requirements the selection matrix knows, in the order they appear in the matrix.</summary>
public enum RequirementKind
{
    Quality,

    /// <summary>Share of results that pass every assertion, with a bar (<c>pass_rate: { min: 0.8 }</c>).</summary>
    PassRate,

    /// <summary>Safety failures as the ship gate counts them, with a ceiling (<c>safety: { max_failures: 0 }</c>).</summary>
    Safety,

    /// <summary>Passes the eval's ship gate (<c>ship_gate: { hard: true }</c>).</summary>
    ShipGate,
    Latency,
    Cost,
    Privacy,
    Context,
    Modality,
    FineTuning,
    VendorDiversity,
}
