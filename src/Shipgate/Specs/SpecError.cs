namespace Shipgate.Specs;

/// <summary>One problem in a spec or case file: where, what is wrong, and what to do about it.</summary>
public sealed record SpecError(SourceLocation Location, string Message, string? Hint = null)
{
    public override string ToString() => Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message} ({Hint})";
}
