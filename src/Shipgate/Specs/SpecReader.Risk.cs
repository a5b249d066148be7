namespace Shipgate.Specs;

/// <summary>Reads the <c>risk:</c> section.</summary>
internal sealed partial class SpecReader
{
    private RiskSpec? ReadRisk(MappingReader root)
    {
        _ = root;
        return null;
    }
}
