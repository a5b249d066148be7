using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shipgate.Runs;

namespace Shipgate.Storage.Sqlite;

/// <summary>How values are written to and read from columns, so every table stores them the same way.</summary>
internal static class SqliteValues
{
    // UTC with a fixed width, so text order is time order and indexes on *_at columns sort correctly.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Money as exact decimal text (invariant culture), never a binary float.</summary>
    public static string FormatMoney(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseMoney(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string FormatStatus(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown run status"),
    };

    public static RunStatus ParseStatus(string text) => text switch
    {
        "running" => RunStatus.Running,
        "completed" => RunStatus.Completed,
        "failed" => RunStatus.Failed,
        "interrupted" => RunStatus.Interrupted,
        _ => throw new FormatException($"unknown run status '{text}'"),
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new FormatException($"expected a JSON {typeof(T).Name}, found null");
}
