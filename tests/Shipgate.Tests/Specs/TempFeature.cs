using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

/// <summary>A feature folder in a temp directory, deleted on dispose.</summary>
internal sealed class TempFeature : IDisposable
{
    public TempFeature()
    {
        Root = Path.Combine(Path.GetTempPath(), "shipgate-spec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempFeature Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public FeatureSpec Load() => new SpecLoader().Load(Root);

    /// <summary>Loads expecting failure and returns every error.</summary>
    public IReadOnlyList<SpecError> Errors()
    {
        var e = Assert.Throws<SpecException>(() => new SpecLoader().Load(Root));
        Assert.NotEmpty(e.Errors);
        return e.Errors;
    }

    /// <summary>Asserts that exactly one error was reported and returns it.</summary>
    public SpecError SingleError()
    {
        var errors = Errors();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
