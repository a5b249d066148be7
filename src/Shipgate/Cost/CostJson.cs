using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shipgate.Cost;

/// <summary>The cost analysis as JSON (camelCase, enums as strings, "schemaVersion": 1) for <c>-f json</c> and tools.</summary>
public static class CostJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(CostAnalysis analysis) => JsonSerializer.Serialize(analysis, Options);
}
