namespace Shipgate.Specs;

/// <summary>Finds a feature's shipgate.yaml and loads it (see docs/spec.md). Stateless; safe to share.</summary>
internal sealed class SpecLoader : ISpecLoader
{
    public const string FileName = "shipgate.yaml";

    public FeatureSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SpecReader(FindSpecFile(path)).Read();
    }

    /// <summary>A folder means its shipgate.yaml (or shipgate.yml); a file is taken as is.</summary>
    public static string FindSpecFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var yaml = Path.Combine(full, FileName);
            var yml = Path.ChangeExtension(yaml, ".yml");
            if (File.Exists(yaml))
            {
                return yaml;
            }

            if (File.Exists(yml))
            {
                return yml;
            }

            throw new SpecException(new SpecError(SourceLocation.FileOnly(path), $"no {FileName} in folder '{path}'", "pass the feature folder that holds shipgate.yaml, or the spec file itself"));
        }

        if (!File.Exists(full))
        {
            throw new SpecException(new SpecError(SourceLocation.FileOnly(path), $"spec not found: '{path}'", "pass a feature folder or the path of its shipgate.yaml"));
        }

        return full;
    }
}
