using System.Globalization;

namespace Shipgate.Risk;

/// <summary>Number formatting shared by the risk renderers.</summary>
internal static class RiskText
{
    /// <summary>0.0582 → "5.8%"; small budgets keep two decimals (0.001 → "0.10%").</summary>
    public static string Percent(double share)
    {
        var p = share * 100;
        var format = p != 0 && Math.Abs(p) < 1 ? "0.00" : "0.0";
        return p.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    public static string Int(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
