namespace Shipgate.Providers;

/// <summary>
/// Keys the runner and providers exchange through <c>ChatOptions.AdditionalProperties</c> (requests) and
/// <c>ChatResponse.AdditionalProperties</c> (responses). SDK-backed providers ignore the request keys.
/// </summary>
public static class ProviderRequestKeys
{
    /// <summary>Request: the case id (string). Required by <c>replay:</c>; sent to <c>exec:</c> as <c>case_id</c>.</summary>
    public const string CaseId = "shipgate.case_id";

    /// <summary>Request: the 0-based repeat index (int). Used by <c>replay:</c>; sent to <c>exec:</c> as <c>repeat</c>.</summary>
    public const string Repeat = "shipgate.repeat";

    /// <summary>Request: the case's vars (<c>IReadOnlyDictionary&lt;string, string&gt;</c>); sent to <c>exec:</c> as <c>vars</c>.</summary>
    public const string Vars = "shipgate.vars";

    /// <summary>Response: recorded latency in milliseconds (double), set by <c>replay:</c> when the line has <c>latency_ms</c>.</summary>
    public const string LatencyMs = "shipgate.latency_ms";
}
