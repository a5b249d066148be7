namespace Shipgate.Specs;

/// <summary>
/// Hard limits on what the readers accept, so hostile or broken input fails fast with a located error
/// instead of exhausting memory, the stack or the clock (see "Limits" in docs/spec.md).
/// </summary>
internal static class SpecLimits
{
    /// <summary>Largest spec, case, prompt or schema file read (16 MiB): far above any real suite file.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings (the same as System.Text.Json's default), checked before any recursion.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values (scalars, lists, mappings) in one file: 100,000 typical cases hold about 1.7 million.</summary>
    public const long MaxNodes = 4_000_000;

    /// <summary>Most nodes that aliases may add to one file when expanded ("billion laughs" stays small).</summary>
    public const long MaxAliasNodes = 100_000;
}
