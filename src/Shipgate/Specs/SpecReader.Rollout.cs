namespace Shipgate.Specs;

/// <summary>Reads the <c>rollout:</c> section.</summary>
internal sealed partial class SpecReader
{
    private RolloutSpec ReadRollout(MappingReader root)
    {
        _ = root;
        return new();
    }
}
