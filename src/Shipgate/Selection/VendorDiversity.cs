namespace Shipgate.Selection;

/// <summary>
/// The candidate set seen as a whole: how many vendors remain among candidates that pass every hard constraint, and
/// whether the winner has a fallback from another vendor.
/// </summary>
public sealed record VendorDiversity
{
    public IReadOnlyList<string> Vendors { get; init; } = [];

    /// <summary>From <c>vendor_diversity.min_vendors</c>; null when the requirement is not declared.</summary>
    public int? MinVendors { get; init; }

    /// <summary>A shipping candidate from a vendor other than the winner's; null when none.</summary>
    public string? Fallback { get; init; }

    public bool Met => MinVendors is not { } min || Vendors.Count >= min;

    public required string Statement { get; init; }
}
