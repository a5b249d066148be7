namespace Shipgate.Specs;

/// <summary>Reads the <c>economics:</c> section.</summary>
internal sealed partial class SpecReader
{
    private EconomicsSpec? ReadEconomics(MappingReader root)
    {
        _ = root;
        return null;
    }
}
