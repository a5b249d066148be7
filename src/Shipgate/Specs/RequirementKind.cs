namespace Shipgate.Specs;

/// <summary>The requirements the selection matrix knows, in the order they appear in the matrix.</summary>
public enum RequirementKind
{
    Quality,
    Latency,
    Cost,
    Privacy,
    Context,
    Modality,
    FineTuning,
    VendorDiversity,
}
