using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shipgate.Launch;

/// <summary>The launch report as JSON for CI and dashboards: the verdict, each part's status and its own document.</summary>
internal static class LaunchJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(LaunchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["feature"] = report.Feature,
            ["verdict"] = report.Label,
            ["candidate"] = report.CandidateId,
            ["candidateReason"] = report.CandidateReason,
            ["runId"] = report.RunId,
            ["generatedAt"] = report.GeneratedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
            ["parts"] = new JsonArray([.. report.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["status"] = p.Readiness.Label,
                ["summary"] = p.Readiness.Summary,
                ["reasons"] = new JsonArray([.. p.Readiness.Reasons.Select(r => (JsonNode)JsonValue.Create(r))]),
                ["detail"] = p.Json?.DeepClone(),
            })]),
        };
        return root.ToJsonString(Indented) + "\n";
    }
}
