namespace Shipgate.Specs;

/// <summary>A list.</summary>
internal sealed record SequenceNode(IReadOnlyList<SpecNode> Items, SourceLocation Location) : SpecNode(Location)
{
    public override string Describe() => "a list";
}
