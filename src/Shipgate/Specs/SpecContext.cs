using System.Globalization;
using System.Text;

namespace Shipgate.Specs;

/// <summary>State shared while loading one spec: the feature folder and every error found so far.</summary>
internal sealed class SpecContext(string rootDirectory)
{
    /// <summary>Largest file the spec may pull in (knowledge, prompts, cases, schemas, replay files): 256 MiB.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Longest path the spec may write (Linux PATH_MAX); one segment may have at most 255 bytes.</summary>
    public const int MaxPathLength = 4096;

    private const int MaxSegmentBytes = 255;

    public string RootDirectory { get; } = rootDirectory;

    public List<SpecError> Errors { get; } = [];

    /// <summary><c>feature.allow_outside_files: true</c>: files outside the feature folder may be read.</summary>
    public bool AllowOutsideFiles { get; set; }

    public void Error(SourceLocation location, string message, string? hint = null) => Errors.Add(new SpecError(location, message, hint));

    /// <summary>How a file is named in errors: relative to the feature folder, with forward slashes.</summary>
    public string Display(string absolutePath) => Path.GetRelativePath(RootDirectory, absolutePath).Replace('\\', '/');

    public string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(RootDirectory, relativePath));

    /// <summary>True when <paramref name="fullPath"/> is the feature folder or below it.</summary>
    public bool IsInside(string fullPath)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RootDirectory));
        return string.Equals(fullPath, root, StringComparison.Ordinal)
            || fullPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// Resolves a file path written in the spec to a readable regular file inside the feature folder, or reports
    /// (at <paramref name="node"/>) why it cannot be read and returns null. Never opens the file.
    /// </summary>
    /// <param name="what">What the file is, as in "<c>schema</c> file 'x' not found".</param>
    /// <param name="written">The path as written when it is only part of the node's value (e.g. after <c>replay:</c>).</param>
    public string? ResolveFile(ScalarNode node, string what, string? written = null)
    {
        var value = written ?? node.Value;
        if (!CheckPathText(value, node.Location, what))
        {
            return null;
        }

        var full = Resolve(value);
        if (!CheckInside(full, node.Location, what, value))
        {
            return null;
        }

        return CheckFile(full, node.Location, what, value);
    }

    /// <summary>A path must be non-empty, printable (no NUL or other control character) and of a length the OS accepts.</summary>
    public bool CheckPathText(string value, SourceLocation at, string what)
    {
        if (value.Trim().Length == 0)
        {
            Error(at, $"the {what} path is empty", "write a path relative to the feature folder");
            return false;
        }

        var bad = ControlCharacters.IndexOfUnsafe(value, singleLine: true);
        if (bad >= 0)
        {
            var name = value[bad] == '\0' ? "a NUL character" : $"the control character {ControlCharacters.Escape(value[bad].ToString(), singleLine: true)}";
            Error(at, string.Create(CultureInfo.InvariantCulture, $"the {what} path '{ControlCharacters.Escape(value, singleLine: true)}' contains {name} at position {bad + 1}"),
                "a path is plain text relative to the feature folder; remove the character");
            return false;
        }

        if (value.Length > MaxPathLength)
        {
            Error(at, string.Create(CultureInfo.InvariantCulture, $"the {what} path is {value.Length} characters long; the limit is {MaxPathLength}"), "use a shorter path");
            return false;
        }

        if (value.Split('/', '\\').Any(s => Encoding.UTF8.GetByteCount(s) > MaxSegmentBytes))
        {
            Error(at, $"a folder or file name in the {what} path is longer than {MaxSegmentBytes} bytes", "use shorter names");
            return false;
        }

        return true;
    }

    /// <summary>Outside the feature folder is an error unless <c>feature.allow_outside_files: true</c>.</summary>
    public bool CheckInside(string full, SourceLocation at, string what, string written)
    {
        if (AllowOutsideFiles || IsInside(full))
        {
            return true;
        }

        Error(at, $"the {what} path '{ControlCharacters.Escape(written, singleLine: true)}' is outside the feature folder ({RootDirectory})",
            "move the file into the feature folder, or set 'feature.allow_outside_files: true' to read files outside it");
        return false;
    }

    /// <summary>
    /// Checks that <paramref name="full"/> (already resolved) is a regular file, or a symbolic link to one, of at most
    /// <see cref="MaxFileBytes"/>; pipes, devices, sockets, folders, dangling links and link loops are reported at <paramref name="at"/>.
    /// </summary>
    /// <param name="linkMayLeave">A symbolic link may point outside the feature folder (the spec file itself).</param>
    public string? CheckFile(string full, SourceLocation at, string what, string written, bool linkMayLeave = false)
    {
        var shown = ControlCharacters.Escape(written, singleLine: true);
        var kind = FileProbe.Probe(full, out var target);
        switch (kind)
        {
            case FileKind.Regular:
                if (!AllowOutsideFiles && !linkMayLeave && !IsInside(target))
                {
                    Error(at, $"{what} file '{shown}' is a symbolic link to '{target}', outside the feature folder",
                        "copy the file into the feature folder, or set 'feature.allow_outside_files: true' to read files outside it");
                    return null;
                }

                var length = new FileInfo(target).Length;
                if (length > MaxFileBytes)
                {
                    Error(at, string.Create(CultureInfo.InvariantCulture, $"{what} file '{shown}' is {length / (1024 * 1024)} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB"),
                        "split it into smaller files");
                    return null;
                }

                return full;
            case FileKind.Missing:
                Error(at, $"{what} file '{shown}' not found", $"paths are relative to the feature folder ({RootDirectory})");
                return null;
            case FileKind.Directory:
                Error(at, $"{what} file '{shown}' is a folder, not a file", "name a file in it, or use a pattern such as 'folder/*.md' where the field takes one");
                return null;
            case FileKind.DanglingLink:
                Error(at, $"{what} file '{shown}' is a symbolic link to '{target}', which does not exist", "fix or remove the link");
                return null;
            case FileKind.LinkLoop:
                Error(at, $"{what} file '{shown}' is a symbolic link loop", "fix or remove the link");
                return null;
            default:
                Error(at, $"{what} file '{shown}' is {FileProbe.Describe(kind)}, not a regular file",
                    "Shipgate reads only regular files and never opens pipes or devices; point it at a file");
                return null;
        }
    }

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
