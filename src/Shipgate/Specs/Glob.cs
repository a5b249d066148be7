using System.Text;
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

    public static IReadOnlyList<string> Expand(string rootDirectory, string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        if (!IsPattern(normalized))
        {
            var path = Path.GetFullPath(Path.Combine(rootDirectory, normalized));
            return File.Exists(path) ? [path] : [];
        }

        // Split into a literal base folder and the wildcard rest.
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var firstWild = Array.FindIndex(segments, IsPattern);
        var baseRelative = string.Join('/', segments, 0, firstWild);
        var rest = segments[firstWild..];
        var baseDir = Path.GetFullPath(Path.Combine(rootDirectory, baseRelative.Length == 0 ? "." : baseRelative));
        if (normalized.StartsWith('/'))
        {
            baseDir = Path.GetFullPath("/" + baseRelative);
        }

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

        var result = new List<string>();
        foreach (var file in Directory.EnumerateFiles(baseDir, "*", options))
        {
            var relative = Path.GetRelativePath(baseDir, file).Replace('\\', '/');
            if (relative.Split('/').SkipLast(1).Any(s => s.StartsWith('.')))
            {
                continue;
            }

            if (regex.IsMatch(relative))
            {
                result.Add(file);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
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
