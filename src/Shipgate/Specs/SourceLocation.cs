namespace Shipgate.Specs;

/// <summary>Where something was declared: file, 1-based line and column. Every spec error carries one.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation FileOnly(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
