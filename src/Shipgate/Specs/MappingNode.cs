namespace Shipgate.Specs;

/// <summary>A mapping. Entries keep every key as written, duplicates included, so the loader can report them.</summary>
internal sealed record MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, SpecNode>> Entries, SourceLocation Location) : SpecNode(Location)
{
    public override string Describe() => "a mapping";
}
