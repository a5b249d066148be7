namespace Shipgate.Providers;

/// <summary>Which provider schemes are offline stand-ins; every output labels them as such.</summary>
public static class ProviderLabels
{
    public static bool IsOfflineStandIn(string scheme) => scheme is "local";

    public static string Describe(string providerId) =>
        providerId.StartsWith("local:", StringComparison.Ordinal) ? providerId + " (offline stand-in)" : providerId;
}
