using System.Globalization;

namespace Shipgate.Evals;

/// <summary>USD formatting that keeps tiny per-request costs readable ($0.000042, not $0.00).</summary>
public static class Money
{
    public static string Format(decimal usd)
    {
        var abs = Math.Abs(usd);
        var format = abs == 0 ? "0.00" : abs >= 1 ? "#,0.00" : abs >= 0.01m ? "0.0000" : "0.000000##";
        return (usd < 0 ? "-$" : "$") + abs.ToString(format, CultureInfo.InvariantCulture);
    }
}
