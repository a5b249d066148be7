namespace Shipgate.Specs;

/// <summary>The words the spec uses for severity and detection levels, and back.</summary>
public static class RiskLevels
{
    public static IReadOnlyList<string> SeverityNames { get; } = ["low", "medium", "high", "critical"];

    public static IReadOnlyList<string> DetectionNames { get; } = ["easy", "moderate", "hard", "near-impossible"];

    public static string Name(RiskSeverity level) => SeverityNames[(int)level];

    public static string Name(RiskDetection level) => DetectionNames[(int)level];

    public static bool TryParseSeverity(string text, out RiskSeverity level)
    {
        var i = IndexOf(SeverityNames, text);
        level = (RiskSeverity)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool TryParseDetection(string text, out RiskDetection level)
    {
        var i = IndexOf(DetectionNames, text);
        level = (RiskDetection)Math.Max(i, 0);
        return i >= 0;
    }

    private static int IndexOf(IReadOnlyList<string> names, string text)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text.Trim(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
