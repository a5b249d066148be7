using System.Text.Json;
using Shipgate.Cost;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>Where the decision record, its snapshot and the router policy live in a feature folder, and how they are written.</summary>
internal static class DecisionRecordFiles
{
    public static string RecordPath(FeatureSpec spec) => Path.Combine(spec.RootDirectory, "decisions", "model-selection.md");

    public static string SnapshotPath(FeatureSpec spec) => Path.Combine(spec.RootDirectory, "decisions", "model-selection.json");

    public static string RouterPolicyPath(FeatureSpec spec) => Path.Combine(spec.RootDirectory, "router-policy.json");

    /// <summary>Writes (overwrites) the record and snapshot, and the router policy when there is one; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(SelectionAnalysis analysis, FeatureSpec spec, PriceCatalog? catalog, DateTimeOffset now)
    {
        var written = new List<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(RecordPath(spec))!);
        File.WriteAllText(RecordPath(spec), DecisionRecord.Render(analysis, spec, now));
        written.Add(RecordPath(spec));
        File.WriteAllText(SnapshotPath(spec), SelectionJson.Render(DecisionSnapshot.From(analysis, spec, catalog, now)) + "\n");
        written.Add(SnapshotPath(spec));
        if (analysis.RouterDetail.Policy is { } policy)
        {
            File.WriteAllText(RouterPolicyPath(spec), SelectionJson.Render(policy) + "\n");
            written.Add(RouterPolicyPath(spec));
        }

        return written;
    }

    /// <summary>The stored snapshot, or null when no decision was recorded yet.</summary>
    public static DecisionSnapshot? ReadSnapshot(FeatureSpec spec)
    {
        var path = SnapshotPath(spec);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return SelectionJson.ReadSnapshot(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a decision snapshot ({ex.Message}); run 'shipgate select --write' to record the decision again", ex);
        }
    }
}
