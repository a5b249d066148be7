using System.Runtime.CompilerServices;

namespace Shipgate.Tests.Cost;

/// <summary>Files beside the cost tests (read from the source tree so the test project needs no copy rules).</summary>
internal static class CostTestData
{
    public static string LiteLlmSample => Path.Combine(Here(), "litellm-sample.json");

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
