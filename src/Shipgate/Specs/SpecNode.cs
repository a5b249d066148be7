namespace Shipgate.Specs;

/// <summary>
/// A parsed value from a spec or case file (YAML, JSONL or CSV) with the place it was written, so every
/// validation error can point at a file, line and column whatever the source format.
/// </summary>
internal abstract record SpecNode(SourceLocation Location)
{
    /// <summary>Short description for "expected X, got Y" messages.</summary>
    public abstract string Describe();
}
