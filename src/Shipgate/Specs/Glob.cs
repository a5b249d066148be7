using System.Text;
using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace Shipgate.Specs;

/// <summary>
/// Expands a path pattern relative to a folder: <c>*</c> and <c>?</c> match within one path segment,
/// <c>**</c> matches any number of folders. Results are absolute, sorted ordinally so runs are deterministic.
/// Folders starting with '.' (such as .shipgate) are only entered when the pattern names them literally.
/// </summary>
internal static class Glob
{
    public static bool IsPattern(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    /// <summary>Most folder entries one pattern may visit before giving up (a <c>**</c> over a huge tree is a mistake).</summary>
    public const int MaxVisited = 200_000;

    public static IReadOnlyList<string> Expand(string rootDirectory, string pattern) => Expand(rootDirectory, pattern, out _);

    /// <summary>
    /// Every non-folder entry matching <paramref name="pattern"/>: regular files, but also links, pipes and devices,
    /// which the caller must check before reading. Symbolic links to folders are never followed, so a link loop cannot
    /// make the walk endless. <paramref name="truncated"/> is set when more than <see cref="MaxVisited"/> entries were seen.
    /// </summary>
    public static IReadOnlyList<string> Expand(string rootDirectory, string pattern, out bool truncated)
    {
        truncated = false;
        var normalized = pattern.Replace('\\', '/');
        if (!IsPattern(normalized))
        {
            var path = Path.GetFullPath(Path.Combine(rootDirectory, normalized));
            return File.Exists(path) || new FileInfo(path).LinkTarget is not null ? [path] : [];
        }

        var baseDir = BaseDirectory(rootDirectory, normalized, out var rest);
        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var regex = ToRegex(rest);
        var recursive = rest.Length > 1 || rest.Contains("**");
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };

        var entries = new FileSystemEnumerable<string>(baseDir, (ref FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,

            // Hidden folders are only entered when named literally (they are in the base); links to folders never.
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                (e.Attributes & FileAttributes.ReparsePoint) == 0 && !e.FileName.StartsWith('.'),
        };

        var result = new List<string>();
        var visited = 0;
        foreach (var file in entries)
        {
            if (++visited > MaxVisited)
            {
                truncated = true;
                break;
            }

            var relative = Path.GetRelativePath(baseDir, file).Replace('\\', '/');
            if (regex.IsMatch(relative))
            {
                result.Add(file);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The folder a pattern's wildcards start from (absolute), and the wildcard segments after it.</summary>
    public static string BaseDirectory(string rootDirectory, string pattern, out string[] rest)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var firstWild = Array.FindIndex(segments, IsPattern);
        if (firstWild < 0)
        {
            firstWild = segments.Length;
        }

        var baseRelative = string.Join('/', segments, 0, firstWild);
        rest = segments[firstWild..];
        return normalized.StartsWith('/')
            ? Path.GetFullPath("/" + baseRelative)
            : Path.GetFullPath(Path.Combine(rootDirectory, baseRelative.Length == 0 ? "." : baseRelative));
    }

    private static Regex ToRegex(string[] segments)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                sb.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last)
            {
                sb.Append('/');
            }
        }

        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }
}
