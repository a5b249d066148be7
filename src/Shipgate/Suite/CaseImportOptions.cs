namespace Shipgate.Suite;

/// <summary>How <c>shipgate cases add</c> turns production items into cases.</summary>
public sealed class CaseImportOptions
{
    public const string DefaultTarget = "cases/production.yaml";

    /// <summary>YAML case file to append to, relative to the feature folder. Default <c>cases/production.yaml</c>.</summary>
    public string TargetFile { get; set; } = DefaultTarget;

    /// <summary>Cosine similarity at or above which an item duplicates a case (or an earlier item). Default 0.92.</summary>
    public double DuplicateThreshold { get; set; } = 0.92;

    /// <summary>Report what would be added; write nothing.</summary>
    public bool DryRun { get; set; }
}
