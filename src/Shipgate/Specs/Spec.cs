namespace Shipgate.Specs;

/// <summary>Entry point for loading a feature spec.</summary>
public static class Spec
{
    private static readonly SpecLoader Loader = new();

    /// <summary>Loads and validates a feature folder or a shipgate.yaml path.</summary>
    /// <exception cref="SpecException">Lists every problem found, each with file, line and column.</exception>
    public static FeatureSpec Load(string path) => Loader.Load(path);
}
