namespace Shipgate.Suite;

/// <summary>What <see cref="CaseImporter"/> did (or, on a dry run, would do).</summary>
/// <param name="TargetFile">The case file, relative to the feature folder.</param>
/// <param name="Text">The YAML appended (or that would be appended).</param>
/// <param name="CreatedFile">The case file did not exist before.</param>
/// <param name="CoveredBySuite">
/// Whether the spec's <c>suite.files</c> include the case file: after a write, whether the new cases loaded; on a dry run,
/// whether the existing file's cases load, or null for a new file (unknown until written).
/// </param>
public sealed record CaseImportResult(
    IReadOnlyList<ImportedCase> Added,
    IReadOnlyList<SkippedItem> Skipped,
    string TargetFile,
    string Text,
    bool CreatedFile,
    bool? CoveredBySuite,
    bool DryRun);
