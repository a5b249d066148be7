namespace Shipgate.Specs;

/// <summary>State shared while loading one spec: the feature folder and every error found so far.</summary>
internal sealed class SpecContext(string rootDirectory)
{
    public string RootDirectory { get; } = rootDirectory;

    public List<SpecError> Errors { get; } = [];

    public void Error(SourceLocation location, string message, string? hint = null) => Errors.Add(new SpecError(location, message, hint));

    /// <summary>How a file is named in errors: relative to the feature folder, with forward slashes.</summary>
    public string Display(string absolutePath) => Path.GetRelativePath(RootDirectory, absolutePath).Replace('\\', '/');

    public string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(RootDirectory, relativePath));

    /// <summary>Opens a mapping for reading, or reports what was found instead.</summary>
    public MappingReader? Mapping(SpecNode? node, string what, string? path, string? owner, IReadOnlyCollection<string> allowed)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (node is MappingNode map)
        {
            return new MappingReader(this, map, path, owner, allowed);
        }

        Error(node.Location, $"expected a mapping for {what}, got {node.Describe()}", "write 'key: value' lines indented under it");
        return null;
    }
}
