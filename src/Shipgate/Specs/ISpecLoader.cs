namespace Shipgate.Specs;

/// <summary>Loads and validates a feature spec. Throws <see cref="SpecException"/> listing every problem.</summary>
public interface ISpecLoader
{
    /// <param name="path">A feature folder or a shipgate.yaml path.</param>
    FeatureSpec Load(string path);
}
