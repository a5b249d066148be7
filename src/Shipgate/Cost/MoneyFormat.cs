using System.Globalization;

namespace Shipgate.Cost;

/// <summary>USD for people: <c>$0.0123</c>, <c>$0.000042</c> (at least two significant digits for tiny costs), <c>$12.35</c>.</summary>
internal static class MoneyFormat
{
    /// <summary>What every renderer prints when a candidate has no price: never $0.</summary>
    public const string Unknown = "unknown (no pricing)";

    public static string Usd(decimal? value) => value is { } v ? Usd(v) : Unknown;

    public static string Usd(decimal value)
    {
        var abs = Math.Abs(value);
        var sign = value < 0 ? "-" : "";
        if (abs == 0)
        {
            return "$0.00";
        }

        if (abs >= 1)
        {
            return sign + "$" + abs.ToString("#,0.00", CultureInfo.InvariantCulture);
        }

        // Decimals so that two significant digits show, never fewer than four: 0.0123 -> 4, 0.000042 -> 6.
        var magnitude = (int)Math.Floor(Math.Log10((double)abs));
        var decimals = Math.Clamp(1 - magnitude, 4, 12);
        var rounded = Math.Round(abs, decimals, MidpointRounding.AwayFromZero);
        return sign + "$" + rounded.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
