namespace Shipgate.Specs;

/// <summary>Reads the <c>selection:</c> section.</summary>
internal sealed partial class SpecReader
{
    private SelectionSpec? ReadSelection(MappingReader root, List<CandidateSpec> candidates)
    {
        _ = root;
        return null;
    }
}
