using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Selection;

/// <summary>JSON of the selection analysis, the decision snapshot and the router policy (camelCase, <c>schemaVersion</c> 1).</summary>
internal static class SelectionJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // Files people read and diff, never embedded in HTML: keep quotes, '+' and non-ASCII text as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Render(SelectionAnalysis analysis) => JsonSerializer.Serialize(analysis, Options);

    public static string Render(RouterPolicy policy) => JsonSerializer.Serialize(policy, Options);

    public static string Render(DecisionSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static DecisionSnapshot ReadSnapshot(string json) =>
        JsonSerializer.Deserialize<DecisionSnapshot>(json, Options) ?? throw new JsonException("the file is empty");
}
